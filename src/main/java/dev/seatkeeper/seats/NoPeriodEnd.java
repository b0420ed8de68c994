package dev.seatkeeper.seats;

import dev.seatkeeper.platform.DomainException;

/** 400 {@code NoPeriodEnd}: a revoke at the period end of a seat whose container (an order) has no period. */
public class NoPeriodEnd extends DomainException {
    public NoPeriodEnd() {
        super(Kind.INVALID, "The seat's order has no period end; revoke it now or at an instant.");
    }
}
