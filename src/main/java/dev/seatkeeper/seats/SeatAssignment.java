package dev.seatkeeper.seats;

import dev.seatkeeper.customers.Emails;
import dev.seatkeeper.platform.Instants;
import dev.seatkeeper.platform.JsonBody;
import dev.seatkeeper.platform.Timestamps;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Polar's SeatAssign body: which container (exactly one of subscription and order), who (email, a customer, or a
 * member), seat metadata, whether the seat is claimed at once, and (Beyond Polar) when it expires. Field errors come first; the rules between
 * fields are checked only when every field is valid, in Polar's order.
 */
public record SeatAssignment(
        Optional<UUID> subscriptionId,
        Optional<UUID> orderId,
        Optional<UUID> checkoutId,
        Optional<String> email,
        Optional<String> externalCustomerId,
        Optional<UUID> customerId,
        Optional<String> externalMemberId,
        Optional<UUID> memberId,
        JsonObject metadata,
        boolean immediateClaim,
        Optional<OffsetDateTime> expiresAt) {
    static final int MAX_METADATA_KEYS = 10;
    /** How far ahead a time-boxed seat's {@code expires_at} may be (contract, "Time-boxed seats"). */
    static final int MAX_EXPIRY_YEARS = 5;

    static final int MAX_METADATA_LENGTH = 1024;

    /**
     * Reads and validates the body; throws the 422 listing every problem. The portal's variant (Polar's
     * CustomerSeatAssign) also names a container by {@code checkout_id}.
     */
    public static SeatAssignment read(JsonBody body, boolean portal) {
        var subscriptionId = body.optionalUuid("subscription_id");
        var orderId = body.optionalUuid("order_id");
        Optional<UUID> checkoutId = portal ? body.optionalUuid("checkout_id") : Optional.empty();
        var who = Recipient.read(body);
        body.check();

        long containers = Stream.of(subscriptionId, orderId, checkoutId)
                .filter(Optional::isPresent)
                .count();
        if (containers != 1) {
            body.rejectBody(
                    portal
                            ? "Exactly one of subscription_id, order_id, or checkout_id must be provided"
                            : "Exactly one of subscription_id or order_id must be provided");
            body.check();
        }
        who.problem().ifPresent(body::rejectBody);
        body.check();
        return who.on(subscriptionId, orderId, checkoutId);
    }

    /**
     * One item of a bulk assignment ({@code seats[i]}: the SeatAssign fields but the container, which the bulk body
     * names once). Its problems are recorded in the body it was read from, located at {@code ["body", "seats", i, …]};
     * the caller checks the body before it uses the result.
     */
    static SeatAssignment readBulkItem(JsonBody item, Optional<UUID> subscriptionId, Optional<UUID> orderId) {
        var who = Recipient.read(item);
        who.problem().ifPresent(item::rejectBody);
        return who.on(subscriptionId, orderId, Optional.empty());
    }

    /** The SeatAssign fields that say who gets the seat and how, as read from a body. */
    private record Recipient(
            Optional<String> email,
            Optional<String> externalCustomerId,
            Optional<UUID> customerId,
            Optional<String> externalMemberId,
            Optional<UUID> memberId,
            Optional<JsonObject> metadata,
            boolean immediateClaim,
            Optional<OffsetDateTime> expiresAt) {
        static Recipient read(JsonBody body) {
            var email = body.optionalString("email", Emails.MAX_LENGTH);
            email.flatMap(Emails::problem)
                    .ifPresent(reason -> body.reject("email", "value_error", Emails.message(reason)));
            return new Recipient(
                    email,
                    body.optionalString("external_customer_id"),
                    body.optionalUuid("customer_id"),
                    body.optionalString("external_member_id"),
                    body.optionalUuid("member_id"),
                    readMetadata(body),
                    body.optionalBoolean("immediate_claim").orElse(false),
                    readExpiry(body));
        }

        Optional<String> problem() {
            return recipientProblem(
                    email.isPresent(),
                    externalCustomerId.isPresent(),
                    customerId.isPresent(),
                    externalMemberId.isPresent(),
                    memberId.isPresent());
        }

        SeatAssignment on(Optional<UUID> subscriptionId, Optional<UUID> orderId, Optional<UUID> checkoutId) {
            return new SeatAssignment(
                    subscriptionId,
                    orderId,
                    checkoutId,
                    email.map(String::strip),
                    externalCustomerId,
                    customerId,
                    externalMemberId,
                    memberId,
                    metadata.orElse(JsonValue.EMPTY_JSON_OBJECT),
                    immediateClaim,
                    expiresAt);
        }
    }

    /**
     * Beyond Polar, {@code expires_at}: a time-boxed seat is revoked then (reason {@code expired}). A future instant
     * with an offset, at most 5 years ahead; problems go to {@code body}.
     */
    static Optional<OffsetDateTime> readExpiry(JsonBody body) {
        var expiresAt = Instants.optional(body, "expires_at");
        OffsetDateTime now = Timestamps.now();
        if (expiresAt.isPresent() && !expiresAt.get().isAfter(now)) {
            body.reject("expires_at", "value_error", "Value error, expires_at must be in the future.");
            return Optional.empty();
        }
        if (expiresAt.isPresent() && expiresAt.get().isAfter(now.plusYears(MAX_EXPIRY_YEARS))) {
            body.reject("expires_at", "value_error", "Value error, expires_at must be at most 5 years ahead.");
            return Optional.empty();
        }
        return expiresAt;
    }

    /** {@code metadata}: an object of at most 10 keys and 1 KB (Polar's seat metadata limits); problems go to {@code body}. */
    static Optional<JsonObject> readMetadata(JsonBody body) {
        var metadata = body.optionalObject("metadata");
        metadata.ifPresent(m -> {
            if (m.size() > MAX_METADATA_KEYS) {
                body.reject("metadata", "value_error", "Value error, Metadata cannot have more than 10 keys");
            } else if (pythonJsonLength(m) > MAX_METADATA_LENGTH) {
                body.reject("metadata", "value_error", "Value error, Metadata size cannot exceed 1KB");
            }
        });
        return metadata;
    }

    private static Optional<String> recipientProblem(
            boolean email, boolean externalCustomerId, boolean customerId, boolean externalMemberId, boolean memberId) {
        boolean legacy = externalCustomerId || customerId;
        boolean member = externalMemberId || memberId;
        if (!email && !legacy && !member) {
            return Optional.of(
                    "At least one of email, external_customer_id, customer_id, external_member_id, or member_id must be provided");
        }
        if (legacy && member) {
            return Optional.of("Cannot combine external_customer_id/customer_id with external_member_id/member_id");
        }
        if (externalMemberId && memberId) {
            return Optional.of("Cannot provide both external_member_id and member_id");
        }
        if (legacy
                && Stream.of(email, externalCustomerId, customerId)
                                .filter(b -> b)
                                .count()
                        != 1) {
            return Optional.of("Exactly one of email, external_customer_id, or customer_id must be provided");
        }
        if (memberId && email) {
            return Optional.of("Cannot combine member_id with email");
        }
        return Optional.empty();
    }

    /** Names a member rather than a customer: the member path is taken even in a legacy organization. */
    boolean namesMember() {
        return externalMemberId.isPresent() || memberId.isPresent();
    }

    /**
     * The length Python's {@code json.dumps} gives the value (", " and ": " separators, non-ASCII escaped), which is
     * what Polar's 1 KB metadata limit measures.
     */
    static int pythonJsonLength(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                JsonObject o = value.asJsonObject();
                int length = 2 + Math.max(0, o.size() - 1) * 2;
                for (Map.Entry<String, JsonValue> e : o.entrySet()) {
                    length += quotedLength(e.getKey()) + 2 + pythonJsonLength(e.getValue());
                }
                yield length;
            }
            case ARRAY -> {
                JsonArray a = value.asJsonArray();
                int length = 2 + Math.max(0, a.size() - 1) * 2;
                for (JsonValue v : a) {
                    length += pythonJsonLength(v);
                }
                yield length;
            }
            case STRING -> quotedLength(((JsonString) value).getString());
            default -> value.toString().length();
        };
    }

    private static int quotedLength(String s) {
        int length = 2;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f') {
                length += 2;
            } else if (c < 0x20 || c > 0x7e) {
                length += 6;
            } else {
                length += 1;
            }
        }
        return length;
    }
}
