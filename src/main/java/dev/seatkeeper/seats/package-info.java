/**
 * Seats, one service per use case: {@link dev.seatkeeper.seats.SeatAssignmentService} (assign, resend),
 * {@link dev.seatkeeper.seats.SeatClaimService} (claim info, claim), {@link dev.seatkeeper.seats.SeatRevocationService}
 * (revoke, and every seat of an ended subscription), {@link dev.seatkeeper.seats.SeatTransferService} (transfer),
 * {@link dev.seatkeeper.seats.SeatBulkService} (bulk assign, one transaction per item) and
 * {@link dev.seatkeeper.seats.SeatListService} (the read side); they share the row locks ({@code SeatLocks}), the
 * making and revoking of one seat ({@code SeatIssuer}, {@code SeatRevoker}), invitations and webhook events as plain
 * CDI beans in their transaction. Response records ({@link dev.seatkeeper.seats.SeatResponses}) are built by the resources only.
 *
 * <p>May depend on platform, security, audit, events, organizations, catalog, customers, sessions, purchases and idempotency.
 */
package dev.seatkeeper.seats;
