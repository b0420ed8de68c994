package dev.seatkeeper.idempotency;

import dev.seatkeeper.platform.DomainException;

/** 409 {@code IdempotencyKeyInUse}: the first request with this key is still being served. */
public class IdempotencyKeyInUse extends DomainException {
    public IdempotencyKeyInUse() {
        super(
                Kind.CONFLICT,
                "A request with this Idempotency-Key is still in progress; retry once it has been answered.");
    }
}
