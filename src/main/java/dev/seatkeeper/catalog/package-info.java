/**
 * What merchants sell: products with one seat-based price whose tiers bound the seat counts a purchase may have.
 *
 * <p>May depend on platform and security.
 */
package dev.seatkeeper.catalog;
