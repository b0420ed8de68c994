/**
 * Seats, one service per use case: {@link dev.seatkeeper.seats.SeatAssignmentService} (assign, resend),
 * {@link dev.seatkeeper.seats.SeatClaimService} (claim info, claim), {@link dev.seatkeeper.seats.SeatRevocationService}
 * (revoke, and every seat of an ended subscription) and {@link dev.seatkeeper.seats.SeatListService} (the read side);
 * they share the row locks ({@code SeatLocks}), invitations and webhook events as plain CDI beans in their
 * transaction. Response records ({@link dev.seatkeeper.seats.SeatResponses}) are built by the resources only.
 *
 * <p>May depend on platform, security, events, organizations, catalog, customers, sessions and purchases.
 */
package dev.seatkeeper.seats;
