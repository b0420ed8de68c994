/**
 * The customer portal: routes called with a customer session or a member session, acting for the caller's customer,
 * and the portal's own queries ({@link dev.seatkeeper.portal.ClaimedSubscriptionService},
 * {@link dev.seatkeeper.portal.PortalPurchaseService}, {@link dev.seatkeeper.portal.PortalSeatHistoryService}).
 *
 * <p>May depend on platform, security, audit, organizations, customers, sessions, purchases, seats and idempotency;
 * nothing depends on it.
 */
package dev.seatkeeper.portal;
