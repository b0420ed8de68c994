package dev.seatkeeper.seats;

import dev.seatkeeper.platform.DomainException;

/** 400 {@code InvalidInvitationToken}: a claim with a token that is unknown, used, expired or revoked; one answer for all, so a token cannot be probed. */
public class InvalidInvitationToken extends DomainException {
    /** Also the detail of claim info's 404 for such a token. */
    static final String DETAIL = "Invalid or expired invitation token";

    public InvalidInvitationToken() {
        super(Kind.INVALID, DETAIL);
    }
}
