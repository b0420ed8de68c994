package dev.seatkeeper.entitlements;

import dev.seatkeeper.purchases.SeatContainer;
import dev.seatkeeper.purchases.Subscription;
import dev.seatkeeper.seats.CustomerSeat;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * The claims of a seat entitlement (contract, "Beyond Polar: offline seat entitlements"): {@code iss}, {@code sub}
 * (the holder's member id, else its customer id), {@code seat_id}, {@code subscription_id} or {@code order_id},
 * {@code product_id}, {@code organization_id}, {@code external_member_id} (or null), {@code iat}, {@code nbf},
 * {@code exp}, {@code jti} and {@code status} {@code {"status_list": {"idx", "uri"}}}. Times are seconds since the epoch.
 */
final class EntitlementClaims {
    private EntitlementClaims() {}

    /** {@code {SEATKEEPER_PUBLIC_URL}/v1/organizations/{id}}: the issuer, and the base of the key set and status list. */
    static String issuer(String publicUrl, UUID organizationId) {
        return publicUrl + "/v1/organizations/" + organizationId;
    }

    static String statusListUri(String publicUrl, UUID organizationId) {
        return issuer(publicUrl, organizationId) + "/seat-status-list";
    }

    /**
     * When a token issued {@code now} expires: one TTL later, but never past a known end of the seat (the end of a
     * subscription set to end); times are truncated to whole seconds, as {@code exp} carries them.
     */
    static OffsetDateTime expiry(OffsetDateTime now, Duration ttl, Stream<OffsetDateTime> knownEnds) {
        OffsetDateTime latest = now.plus(ttl);
        OffsetDateTime end = knownEnds
                .filter(t -> t != null && t.isBefore(latest))
                .min(OffsetDateTime::compareTo)
                .orElse(latest);
        return end.withNano(0);
    }

    /**
     * What is known now of when a seat's right ends (contract: {@code exp} never past a known {@code revokes_at} or
     * the period end of a subscription set to cancel): the seat's scheduled revocation ({@code revokes_at}: at an
     * instant, at the period end, a time box, or a leaver of a scheduled decrease), and, for a subscription set to
     * cancel at its period end, that period end (and its {@code ends_at}). Nulls are skipped by {@link #expiry}.
     */
    static Stream<OffsetDateTime> knownEnds(CustomerSeat seat) {
        Subscription subscription = seat.subscription();
        if (subscription == null) {
            return Stream.of(seat.revokesAt());
        }
        return Stream.of(
                seat.revokesAt(),
                subscription.endsAt(),
                subscription.cancelAtPeriodEnd() ? subscription.currentPeriodEnd() : null);
    }

    /** The claims of a token for a claimed seat. */
    static JwtClaims of(
            CustomerSeat seat,
            String publicUrl,
            int statusIndex,
            OffsetDateTime now,
            OffsetDateTime expiresAt,
            String tokenId) {
        SeatContainer container = seat.container();
        var claims = new JwtClaims();
        claims.setIssuer(issuer(publicUrl, seat.organizationId()));
        claims.setSubject(String.valueOf(
                seat.member() != null ? seat.member().id() : seat.customer().id()));
        claims.setClaim("seat_id", seat.id().toString());
        if (seat.subscription() != null) {
            claims.setClaim("subscription_id", seat.subscription().id().toString());
        } else {
            claims.setClaim("order_id", seat.order().id().toString());
        }
        claims.setClaim("product_id", container.product().id().toString());
        claims.setClaim("organization_id", seat.organizationId().toString());
        claims.setClaim(
                "external_member_id",
                Optional.ofNullable(seat.member()).map(m -> m.externalId()).orElse(null));
        claims.setIssuedAt(NumericDate.fromSeconds(now.toEpochSecond()));
        claims.setNotBefore(NumericDate.fromSeconds(now.toEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.toEpochSecond()));
        claims.setJwtId(tokenId);
        claims.setClaim(
                "status",
                Map.of(
                        "status_list",
                        Map.of("idx", statusIndex, "uri", statusListUri(publicUrl, seat.organizationId()))));
        return claims;
    }
}
