package dev.seatkeeper.entitlements;

import dev.seatkeeper.organizations.FeatureNotEnabled;
import dev.seatkeeper.organizations.OrganizationService;
import dev.seatkeeper.platform.NotPermitted;
import dev.seatkeeper.platform.Randomness;
import dev.seatkeeper.platform.ResourceNotFound;
import dev.seatkeeper.platform.Settings;
import dev.seatkeeper.platform.Timestamps;
import dev.seatkeeper.seats.CustomerSeat;
import dev.seatkeeper.seats.SeatStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * Offline seat entitlements (contract, "Beyond Polar: offline seat entitlements"): issuing a seat's signed token, the
 * organization's public key set, its signed status list, and on-demand key rotation. Keys and tokens never cross
 * organizations: each organization has its own keys, issuer and status list.
 */
@Stateless
public class EntitlementService {
    static final String TOKEN_TYPE = "seat-entitlement+jwt";
    static final String STATUS_LIST_TYPE = "statuslist+jwt";
    /** Seconds a verifier may keep a status list before fetching it again (the draft's {@code ttl}). */
    static final int STATUS_LIST_TTL_SECONDS = 300;

    @PersistenceContext
    EntityManager em;

    @EJB
    OrganizationService organizations;

    @Inject
    SigningKeys keys;

    @Inject
    StatusIndexes indexes;

    @Inject
    KeyRings rings;

    @Inject
    EntitlementSettings entitlementSettings;

    @Inject
    Settings settings;

    /** The signing key and the key set after an on-demand rotation. */
    public record Rotation(String signingKid, String nextKid, List<String> publishedKids) {}

    /**
     * Issues a token for a claimed seat. Raises {@link ResourceNotFound} ("Seat not found") for a seat outside the
     * requester's organization or customer, {@link NotPermitted} for a plain member asking for a seat it does not hold,
     * {@link FeatureNotEnabled}, and {@link SeatNotClaimed} for a pending or revoked seat.
     */
    public Entitlement issue(Requester requester, UUID seatId) {
        // The named query fetches the seat's organization with it, for the settings check below.
        CustomerSeat seat = em
                .createNamedQuery("CustomerSeat.withContainer", CustomerSeat.class)
                .setParameter("id", seatId)
                .getResultList()
                .stream()
                .findFirst()
                .filter(found -> found.organizationId().equals(requester.organizationId()))
                .filter(found -> requester
                        .customerId()
                        .map(id -> found.container().customer().id().equals(id))
                        .orElse(true))
                .orElseThrow(() -> new ResourceNotFound("Seat not found"));
        if (requester.plainMemberId().isPresent()
                && (seat.member() == null
                        || !seat.member().id().equals(requester.plainMemberId().get()))) {
            throw new NotPermitted("Only the seat's holder, owners and billing managers can get its entitlement.");
        }
        seat.organization().requireSeatBasedPricing();
        if (seat.status() != SeatStatus.CLAIMED) {
            throw new SeatNotClaimed();
        }
        int statusIndex = indexes.indexOf(seat.organizationId(), seat.id());
        SigningKey key = keys.current(seat.organizationId()).signing().orElseThrow();
        OffsetDateTime now = Timestamps.now().withNano(0);
        OffsetDateTime expiresAt =
                EntitlementClaims.expiry(now, entitlementSettings.ttl(), EntitlementClaims.knownEnds(seat));
        JwtClaims claims = EntitlementClaims.of(seat, settings.publicUrl(), statusIndex, now, expiresAt, tokenId());
        return new Entitlement(Jose.sign(claims, TOKEN_TYPE, key.kid(), keys.privateKey(key)), expiresAt, key.kid());
    }

    /** A token's {@code jti}: 16 random bytes, base64url (22 characters; shorter than a UUID keeps the token small). */
    private static String tokenId() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Randomness.bytes(16));
    }

    /** {@code {"keys": [...]}}: the organization's published public keys. Raises {@link ResourceNotFound}. */
    public String keySet(UUID organizationId) {
        organizations.get(organizationId);
        return Jose.keySet(keys.current(organizationId).published().stream()
                .map(key -> Jose.publicJwk(key.kid(), key.publicX()))
                .toList());
    }

    /**
     * The organization's Token Status List as a signed JWT ({@code typ} statuslist+jwt): {@code sub} its URI,
     * {@code iss}, {@code iat}, {@code exp} (one entitlement TTL later), {@code ttl} and {@code status_list}
     * {@code {"bits": 1, "lst"}}. Read in this request: every committed revoke is in it. Raises
     * {@link ResourceNotFound}.
     */
    public String statusList(UUID organizationId) {
        organizations.get(organizationId);
        SigningKey key = keys.current(organizationId).signing().orElseThrow();
        int length = rings.find(organizationId).map(KeyRing::statusListLength).orElse(0);
        String lst = StatusList.encode(length, indexes.revoked(organizationId));
        long now = Timestamps.now().toEpochSecond();
        var claims = new JwtClaims();
        claims.setSubject(EntitlementClaims.statusListUri(settings.publicUrl(), organizationId));
        claims.setIssuer(EntitlementClaims.issuer(settings.publicUrl(), organizationId));
        claims.setIssuedAt(NumericDate.fromSeconds(now));
        claims.setExpirationTime(
                NumericDate.fromSeconds(now + entitlementSettings.ttl().toSeconds()));
        claims.setClaim("ttl", STATUS_LIST_TTL_SECONDS);
        claims.setClaim("status_list", Map.of("bits", 1, "lst", lst));
        return Jose.sign(claims, STATUS_LIST_TYPE, key.kid(), keys.privateKey(key));
    }

    /**
     * Rotates the organization's keys now: the published next key signs from now and a new next key is published;
     * with {@code revokePrevious} every earlier key is unpublished, so the tokens it signed fail. Raises
     * {@link ResourceNotFound}.
     */
    public Rotation rotate(UUID organizationId, boolean revokePrevious) {
        organizations.get(organizationId);
        KeySchedule after = keys.rotate(organizationId, revokePrevious);
        return new Rotation(
                after.signing().orElseThrow().kid(),
                after.next().orElseThrow().kid(),
                after.published().stream().map(SigningKey::kid).toList());
    }
}
