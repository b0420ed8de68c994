package dev.seatkeeper.idempotency;

import dev.seatkeeper.platform.Timestamps;
import dev.seatkeeper.security.SecretSealer;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The recorded idempotency keys. Every method runs in a transaction of its own (REQUIRES_NEW), committed before it
 * returns: a key is on record before its request acts, whatever transaction the action then runs in, so that of any
 * number of concurrent repeats exactly one inserts it (the others meet the unique constraint on caller and key).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class IdempotencyStore {
    /** How long a key and its response are kept (contract: 24 hours). */
    static final Duration RETENTION = Duration.ofHours(24);

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretSealer sealer;

    /** What a request with a key already on record gets. */
    public sealed interface Known {}

    /** The first response, to replay: its status and its body (opened, JSON text). */
    public record Replay(int status, String body) implements Known {}

    /** The first request with the key has not been answered yet. */
    public record InFlight() implements Known {}

    /** The key was first used for another request. */
    public record Reused() implements Known {}

    /**
     * The caller's live record of the key, judged against this request's fingerprint; empty if there is none. An
     * expired record of the key is deleted first, so that the key can be used afresh.
     */
    public Optional<Known> find(String caller, String key, String requestHash) {
        OffsetDateTime now = Timestamps.now();
        em.createQuery("delete from IdempotencyRecord r where r.caller = :caller and r.idempotencyKey = :key"
                        + " and r.expiresAt <= :now")
                .setParameter("caller", caller)
                .setParameter("key", key)
                .setParameter("now", now)
                .executeUpdate();
        return em.createNamedQuery("IdempotencyRecord.byKey", IdempotencyRecord.class)
                .setParameter("caller", caller)
                .setParameter("key", key)
                .getResultStream()
                .findFirst()
                .map(record -> {
                    if (!record.requestHash().equals(requestHash)) {
                        return new Reused();
                    }
                    if (record.responseStatus() == null) {
                        return new InFlight();
                    }
                    return new Replay(record.responseStatus(), inflate(sealer.open(record.responseSealed())));
                });
    }

    /**
     * Records the key as in flight and commits; returns the record's id. Fails with a persistence exception (wrapped
     * by the container) when a concurrent request recorded the same caller and key first.
     */
    public UUID insert(String caller, String key, String requestHash) {
        var record =
                new IdempotencyRecord(caller, key, requestHash, Timestamps.now().plus(RETENTION));
        em.persist(record);
        em.flush();
        return record.id();
    }

    /**
     * Keeps the response of the request that recorded the key: its status and its JSON body, compressed (a bulk answer
     * of 1,000 seats is about 1 MB of JSON, a tenth of that compressed) and sealed.
     */
    public void answer(UUID id, int status, String body) {
        Optional.ofNullable(em.find(IdempotencyRecord.class, id))
                .ifPresent(record -> record.answer(status, sealer.seal(deflate(body))));
    }

    /** Base64 of the gzip of the UTF-8 text: {@link SecretSealer} seals text. */
    static String deflate(String text) {
        var bytes = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(bytes)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    static String inflate(String deflated) {
        try (var gzip =
                new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(deflated)))) {
            return new String(gzip.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Forgets the key: its request failed in a way a retry may fix (a 5xx, or a 409/503 lost race), so a retry with
     * the same key acts instead of replaying the failure.
     */
    public void forget(UUID id) {
        Optional.ofNullable(em.find(IdempotencyRecord.class, id)).ifPresent(em::remove);
    }

    /** Deletes every record past its 24 hours (contract, "Security boundaries": growth is bounded); returns how many. */
    public int deleteExpired(OffsetDateTime now) {
        return em.createQuery("delete from IdempotencyRecord r where r.expiresAt <= :now")
                .setParameter("now", now)
                .executeUpdate();
    }
}
