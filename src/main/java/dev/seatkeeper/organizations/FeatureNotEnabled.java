package dev.seatkeeper.organizations;

import dev.seatkeeper.platform.DomainException;

/** 403 {@code FeatureNotEnabled}: the organization has not enabled seat-based pricing, Polar's answer on every seat route. */
public class FeatureNotEnabled extends DomainException {
    public FeatureNotEnabled() {
        super(Kind.NOT_PERMITTED, "Seat-based pricing is not enabled for this organization");
    }
}
