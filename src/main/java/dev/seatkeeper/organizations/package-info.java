/**
 * Tenants: organizations with their feature settings, and the access tokens their backends call with.
 * Everything else in Seatkeeper belongs to exactly one organization. Depends on platform and security.
 */
package dev.seatkeeper.organizations;
