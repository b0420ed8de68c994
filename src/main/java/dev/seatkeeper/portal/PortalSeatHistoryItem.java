package dev.seatkeeper.portal;

import dev.seatkeeper.audit.AuditEntry;
import dev.seatkeeper.platform.Jsonp;
import dev.seatkeeper.platform.TimestampSerializer;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;

/**
 * One entry of a seat's history as the portal shows it (Beyond Polar; contract, "Beyond Polar: audit trail"): what
 * happened and when, and who did it as a label ({@link ActorLabels}); none of the entry's ids, hash or request id.
 *
 * @param at when the change was made (UTC)
 * @param action the entry's action ({@code assigned}, {@code claimed}, {@code revocation_scheduled}, …)
 * @param reason the entry's reason ({@code period_end}, {@code transfer}, …), or null
 * @param fromStatus the seat's status before, or null for a new seat
 * @param toStatus the seat's status after
 * @param actor who made the change, in the caller's words
 */
public record PortalSeatHistoryItem(
        OffsetDateTime at, String action, String reason, String fromStatus, String toStatus, String actor) {

    static PortalSeatHistoryItem of(AuditEntry entry, String actor) {
        return new PortalSeatHistoryItem(
                entry.at(), entry.action(), entry.reason(), entry.fromStatus(), entry.toStatus(), actor);
    }

    /** {@code {at, action, reason, from_status, to_status, actor}}; {@code at} as the API writes timestamps. */
    public JsonObject toJson() {
        return Jsonp.PROVIDER
                .createObjectBuilder()
                .add("at", TimestampSerializer.format(at))
                .add("action", action)
                .add("reason", Jsonp.nullable(reason))
                .add("from_status", Jsonp.nullable(fromStatus))
                .add("to_status", Jsonp.nullable(toStatus))
                .add("actor", actor)
                .build();
    }
}
