package dev.seatkeeper.seats;

/** A transfer's outcome: the old seat, now revoked, and the new pending seat with its invitation. */
public record TransferredSeat(CustomerSeat revoked, InvitedSeat seat) {}
