package dev.seatkeeper.portal;

import dev.seatkeeper.customers.Member;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Polar's {@code CustomerPortalMember}: a member of the caller's team as the portal shows it, without the merchant's
 * external id.
 */
public record PortalMemberResponse(
        UUID id, OffsetDateTime createdAt, OffsetDateTime modifiedAt, String email, String name, String role) {

    /** The portal view of a member. */
    public static PortalMemberResponse of(Member m) {
        return new PortalMemberResponse(
                m.id(),
                m.createdAt(),
                m.modifiedAt(),
                m.email(),
                m.name(),
                m.role().wireName());
    }
}
