package dev.seatkeeper.entitlements;

import dev.seatkeeper.platform.Timestamps;
import dev.seatkeeper.security.SecretSealer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.PrivateKey;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An organization's signing keys: made on first use, rotated lazily when they are read (whichever instance notices
 * first makes the next key under the key ring's row lock, so no timer is needed and instances never make two), and
 * rotated on demand. A plain CDI bean: it runs in its caller's transaction.
 */
@ApplicationScoped
class SigningKeys {
    @PersistenceContext
    EntityManager em;

    @Inject
    KeyRings rings;

    @Inject
    SecretSealer sealer;

    @Inject
    EntitlementSettings settings;

    /** Opened private keys by kid: a kid's key never changes, so the cache needs no invalidation. */
    private final Map<String, PrivateKey> opened = new ConcurrentHashMap<>();

    /**
     * The organization's key schedule now, with a signing key and a published next key: made here, under the ring's
     * lock, when missing (first use, or the next key started signing and needs a successor).
     */
    KeySchedule current(UUID organizationId) {
        OffsetDateTime now = Timestamps.now();
        var schedule = KeySchedule.of(load(organizationId), now, settings.ttl());
        if (!schedule.needsKeys()) {
            return schedule;
        }
        rings.lock(organizationId);
        // The time is read again under the lock: a request that read the keys before another one made them must
        // judge them by a time after they were made.
        return completed(organizationId, Timestamps.now());
    }

    /**
     * On-demand rotation ({@code POST .../entitlement-keys/rotate}): the published next key signs from now and a new
     * next key is made. With {@code revokePrevious}, every earlier key is revoked (unpublished at once: the tokens it
     * signed fail). Returns the schedule after the rotation.
     */
    KeySchedule rotate(UUID organizationId, boolean revokePrevious) {
        rings.lock(organizationId);
        OffsetDateTime now = Timestamps.now();
        KeySchedule before = completed(organizationId, now);
        SigningKey promoted = before.next().orElseThrow();
        promoted.signFrom(now);
        if (revokePrevious) {
            before.keys().stream().filter(key -> key != promoted).forEach(key -> key.revoke(now));
        }
        em.persist(newKey(organizationId, KeySchedule.nextSigningStart(now, now, settings.rotation(), settings.ttl())));
        em.flush();
        return KeySchedule.of(load(organizationId), now, settings.ttl());
    }

    /** The private key of a signing key, opened once per instance. */
    PrivateKey privateKey(SigningKey key) {
        return opened.computeIfAbsent(
                key.kid(), kid -> Jose.privateKey(key.publicX(), sealer.open(key.privateDSealed())));
    }

    /** Under the ring's lock: re-reads the keys and makes the signing and next keys that are missing. */
    private KeySchedule completed(UUID organizationId, OffsetDateTime now) {
        List<SigningKey> keys = load(organizationId);
        keys.forEach(em::refresh);
        var schedule = KeySchedule.of(keys, now, settings.ttl());
        if (schedule.signing().isEmpty()) {
            em.persist(newKey(organizationId, now));
            em.flush();
            schedule = KeySchedule.of(load(organizationId), now, settings.ttl());
        }
        if (schedule.next().isEmpty()) {
            OffsetDateTime since = schedule.signing().orElseThrow().signsFrom();
            em.persist(newKey(
                    organizationId, KeySchedule.nextSigningStart(since, now, settings.rotation(), settings.ttl())));
            em.flush();
            schedule = KeySchedule.of(load(organizationId), now, settings.ttl());
        }
        return schedule;
    }

    private SigningKey newKey(UUID organizationId, OffsetDateTime signsFrom) {
        var jwk = Jose.newKeyPair();
        Map<String, Object> members = Jose.members(jwk);
        return new SigningKey(
                organizationId,
                jwk.getKeyId(),
                (String) members.get("x"),
                sealer.seal((String) members.get("d")),
                signsFrom);
    }

    private List<SigningKey> load(UUID organizationId) {
        return em.createQuery(
                        "select k from SigningKey k where k.organizationId = :org and k.revokedAt is null"
                                + " order by k.signsFrom",
                        SigningKey.class)
                .setParameter("org", organizationId)
                .getResultList();
    }
}
