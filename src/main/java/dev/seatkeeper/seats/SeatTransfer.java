package dev.seatkeeper.seats;

import dev.seatkeeper.customers.Emails;
import dev.seatkeeper.platform.JsonBody;
import dev.seatkeeper.purchases.Order;
import dev.seatkeeper.purchases.SeatContainer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.UUID;

/**
 * The body of a transfer (contract, "Beyond Polar: seat lifecycle"): the new holder by {@code email},
 * {@code member_id} or {@code external_member_id} ({@code email} + {@code external_member_id} together finds or
 * creates that member, as in an assignment), and optional {@code metadata} for the new seat (absent: the old seat's).
 */
public record SeatTransfer(
        Optional<String> email,
        Optional<String> externalMemberId,
        Optional<UUID> memberId,
        Optional<JsonObject> metadata) {

    /** Reads and validates the body; throws the 422 listing every problem. */
    public static SeatTransfer read(JsonBody body) {
        var email = body.optionalString("email", Emails.MAX_LENGTH);
        email.flatMap(Emails::problem).ifPresent(reason -> body.reject("email", "value_error", Emails.message(reason)));
        var externalMemberId = body.optionalString("external_member_id");
        var memberId = body.optionalUuid("member_id");
        var metadata = SeatAssignment.readMetadata(body);
        body.check();
        if (email.isEmpty() && externalMemberId.isEmpty() && memberId.isEmpty()) {
            body.rejectBody("At least one of email, external_member_id, or member_id must be provided");
        } else if (memberId.isPresent() && externalMemberId.isPresent()) {
            body.rejectBody("Cannot provide both external_member_id and member_id");
        } else if (memberId.isPresent() && email.isPresent()) {
            body.rejectBody("Cannot combine member_id with email");
        }
        body.check();
        return new SeatTransfer(email.map(String::strip), externalMemberId, memberId, metadata);
    }

    /** The assignment of the new seat on the old seat's container, carrying the old seat's metadata unless given. */
    SeatAssignment toAssignment(SeatContainer container, JsonObject previousMetadata) {
        boolean order = container instanceof Order;
        return new SeatAssignment(
                order ? Optional.empty() : Optional.of(container.id()),
                order ? Optional.of(container.id()) : Optional.empty(),
                Optional.empty(),
                email,
                Optional.empty(),
                Optional.empty(),
                externalMemberId,
                memberId,
                metadata.orElse(previousMetadata == null ? JsonValue.EMPTY_JSON_OBJECT : previousMetadata),
                false,
                Optional.empty());
    }
}
