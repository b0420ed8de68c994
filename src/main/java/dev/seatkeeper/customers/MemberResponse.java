package dev.seatkeeper.customers;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Polar's Member. */
public record MemberResponse(
        UUID id,
        OffsetDateTime createdAt,
        OffsetDateTime modifiedAt,
        UUID customerId,
        String email,
        String name,
        String externalId,
        String role) {

    public static MemberResponse of(Member m) {
        return m == null
                ? null
                : new MemberResponse(
                        m.id(),
                        m.createdAt(),
                        m.modifiedAt(),
                        m.customer().id(),
                        m.email(),
                        m.name(),
                        m.externalId(),
                        m.role().wireName());
    }
}
