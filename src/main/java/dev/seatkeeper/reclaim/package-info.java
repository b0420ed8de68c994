/**
 * Activity and reclaim of idle seats (contract, "Beyond Polar: activity and reclaim of idle seats"): activity reports
 * ({@link dev.seatkeeper.reclaim.ActivityService}, the organization's batch and the holder's "keep my seat"), the rule
 * that decides a seat's next step under its organization's policy ({@link dev.seatkeeper.reclaim.ReclaimRule}), the
 * scheduler's warnings, reclaims and unclaimed-invitation expiry ({@link dev.seatkeeper.reclaim.ReclaimService}), the
 * warning e-mail and the preview.
 *
 * <p>May depend on platform, security, events, organizations, catalog, customers, sessions, purchases, seats and idempotency.
 */
package dev.seatkeeper.reclaim;
