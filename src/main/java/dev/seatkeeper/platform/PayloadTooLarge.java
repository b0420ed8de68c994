package dev.seatkeeper.platform;

/**
 * 413 {@code PayloadTooLarge}: a request body over {@link GuardedBody#MAX_BYTES} (contract, "Edge behaviour").
 * Raised before the body is read whole, by {@link RequestEdgeFilter} when {@code Content-Length} says so, or by
 * {@link GuardedBody} when a body without one passes the limit.
 */
public class PayloadTooLarge extends DomainException {
    public PayloadTooLarge() {
        super(Kind.TOO_LARGE, "The request body is larger than " + GuardedBody.MAX_BYTES + " bytes.");
    }
}
