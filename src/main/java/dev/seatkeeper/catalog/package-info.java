/**
 * What merchants sell: products with one seat-based price whose tiers bound the seat counts a purchase may have.
 * Depends on platform.
 */
package dev.seatkeeper.catalog;
