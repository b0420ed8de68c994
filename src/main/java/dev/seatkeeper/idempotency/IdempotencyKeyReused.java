package dev.seatkeeper.idempotency;

import dev.seatkeeper.platform.DomainException;

/** 422 {@code IdempotencyKeyReused}: the key was first used for a different request (method, path or body). */
public class IdempotencyKeyReused extends DomainException {
    public IdempotencyKeyReused() {
        super(
                Kind.UNPROCESSABLE,
                "This Idempotency-Key was already used with a different request; use a new key for a new request.");
    }
}
