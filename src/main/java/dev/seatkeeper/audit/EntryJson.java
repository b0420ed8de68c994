package dev.seatkeeper.audit;

import dev.seatkeeper.platform.Jsonp;
import dev.seatkeeper.platform.TimestampSerializer;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * An entry as JSON, the same in a seat's history and in the audit events (contract, "Beyond Polar: audit trail"):
 * {@code {id, seat_id, seq, at, action, actor: {type, id}, reason, from_status, to_status, request_id, hash}}, and
 * the chain's hash over it.
 */
public final class EntryJson {
    /** The hash before an organization's first entry. */
    static final String GENESIS = "0".repeat(64);

    private EntryJson() {}

    /** The entry as served, {@code hash} included. */
    public static JsonObject of(AuditEntry entry) {
        return withoutHash(entry).add("hash", Jsonp.nullable(entry.hash())).build();
    }

    /**
     * Lower-case hex SHA-256 over {@code previousHash} (64 hex characters) followed by the RFC 8785 canonical JSON of
     * the entry without its {@code hash}, both as UTF-8: what the entry's {@code hash} must be.
     */
    static String hash(String previousHash, AuditEntry entry) {
        String canonical;
        try {
            canonical = new JsonCanonicalizer(withoutHash(entry).build().toString()).getEncodedString();
        } catch (IOException e) {
            throw new IllegalStateException("An entry's own JSON did not parse", e);
        }
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(previousHash.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    private static JsonObjectBuilder withoutHash(AuditEntry entry) {
        var actor = Jsonp.PROVIDER.createObjectBuilder().add("type", entry.actorType());
        actor.add("id", Jsonp.nullable(entry.actorId()));
        var json = Jsonp.PROVIDER
                .createObjectBuilder()
                .add("id", entry.id().toString())
                .add("seat_id", entry.seatId().toString());
        if (entry.seq() == null) {
            json.addNull("seq");
        } else {
            json.add("seq", entry.seq());
        }
        return json.add("at", TimestampSerializer.format(entry.at()))
                .add("action", entry.action())
                .add("actor", actor)
                .add("reason", Jsonp.nullable(entry.reason()))
                .add("from_status", Jsonp.nullable(entry.fromStatus()))
                .add("to_status", Jsonp.nullable(entry.toStatus()))
                .add("request_id", Jsonp.nullable(entry.requestId()));
    }
}
