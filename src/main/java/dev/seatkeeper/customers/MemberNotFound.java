package dev.seatkeeper.customers;

import dev.seatkeeper.platform.DomainException;

/** 404 {@code MemberNotFound}: an assignment names a member by id or external id that the billing customer does not have. */
public class MemberNotFound extends DomainException {
    /** @param identifier the id or external id as given */
    public MemberNotFound(String identifier) {
        super(Kind.NOT_FOUND, "Member not found: " + identifier);
    }
}
