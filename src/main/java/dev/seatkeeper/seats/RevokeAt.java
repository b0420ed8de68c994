package dev.seatkeeper.seats;

import dev.seatkeeper.platform.Instants;
import dev.seatkeeper.platform.Timestamps;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * When a revoke asked with {@code ?at=} takes effect (contract, "Revoke at period end"): the container's period end
 * ({@code at=period_end}), or a future instant.
 *
 * @param instant empty for the period end
 */
public record RevokeAt(Optional<OffsetDateTime> instant) {
    static final String PERIOD_END = "period_end";
    /** The OpenAPI description of the revoke routes that take {@code at}. */
    public static final String DESCRIPTION = "Revokes the seat now. Beyond Polar, with `at` the revocation is scheduled"
            + " instead: the seat keeps its status, its holder their sessions, and it counts against capacity until"
            + " revokes_at; then it is revoked as any revoke (reason period_end or scheduled). Records"
            + " customer_seat.revocation_scheduled (delivered only to endpoints that list it).";
    /** The OpenAPI description of the {@code at} parameter. */
    public static final String PARAMETER = "Beyond Polar: `period_end` (the subscription's current_period_end; an"
            + " order has none: 400 NoPeriodEnd) or a future ISO-8601 instant with an offset (past or empty: 422).";

    /**
     * Reads {@code ?at=}: absent means now (empty result). An empty {@code ?at=} is malformed, as any other text that
     * is neither {@code period_end} nor an instant: a client that meant to schedule and lost its value must not
     * revoke the seat at once.
     *
     * @throws dev.seatkeeper.platform.RequestValidationException 422 at {@code ["query","at"]} for an empty, malformed
     *     or past instant
     */
    public static Optional<RevokeAt> read(String at) {
        if (at == null) {
            return Optional.empty();
        }
        if (PERIOD_END.equals(at)) {
            return Optional.of(new RevokeAt(Optional.empty()));
        }
        OffsetDateTime instant = Instants.query("at", at);
        if (!instant.isAfter(Timestamps.now())) {
            throw Instants.notInFuture(List.of("query", "at"), at);
        }
        return Optional.of(new RevokeAt(Optional.of(instant)));
    }
}
