package dev.seatkeeper.seats;

import java.time.OffsetDateTime;

/** Fired when an invitation token is made; the e-mail goes out only if the transaction that made it commits. */
public record InvitationIssued(
        String email, String productName, String organizationName, String url, OffsetDateTime expiresAt) {}
