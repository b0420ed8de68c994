/**
 * Tenants: organizations with their feature settings, and the access tokens their backends call with (resolved for
 * the authentication filter by {@link dev.seatkeeper.organizations.AccessTokenResolver}). Everything else in
 * Seatkeeper belongs to exactly one organization.
 *
 * <p>May depend on platform and security.
 */
package dev.seatkeeper.organizations;
