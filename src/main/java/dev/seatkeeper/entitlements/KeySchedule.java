package dev.seatkeeper.entitlements;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which of an organization's unrevoked keys signs at a given time, which is next, and which a verifier may meet
 * (contract, "Beyond Polar: offline seat entitlements"). Keys sign one after another: each from its {@code signs_from}
 * until the next key's. A key is published from its creation while it is the next one, while it signs, and for one
 * TTL after it stopped (a token it signed lives at most one TTL). Pure: the same keys and time give the same answer on
 * every instance, so no instance needs to have written a rotation for the others to sign with the right key.
 */
record KeySchedule(List<SigningKey> keys, OffsetDateTime now, Duration ttl) {

    /** @param keys the organization's unrevoked keys, in any order */
    static KeySchedule of(List<SigningKey> keys, OffsetDateTime now, Duration ttl) {
        var sorted = new ArrayList<>(keys);
        sorted.removeIf(key -> key.revokedAt() != null);
        sorted.sort(Comparator.comparing(SigningKey::signsFrom).thenComparing(SigningKey::kid));
        return new KeySchedule(List.copyOf(sorted), now, ttl);
    }

    /**
     * The key that signs now: the latest whose {@code signs_from} has come. When none has come yet (the organization's
     * first key, read by an instance whose clock is a little behind the one that made it), the first key: a clock
     * behind by milliseconds must not make a second first key.
     */
    Optional<SigningKey> signing() {
        return Optional.ofNullable(signingIndex() < 0 ? null : keys.get(signingIndex()));
    }

    private int signingIndex() {
        int found = keys.isEmpty() ? -1 : 0;
        for (int i = 0; i < keys.size(); i++) {
            if (!keys.get(i).signsFrom().isAfter(now)) {
                found = i;
            }
        }
        return found;
    }

    /** The published key that signs after the signing one, if one is made. */
    Optional<SigningKey> next() {
        int after = signingIndex() + 1;
        return after > 0 && after < keys.size() ? Optional.of(keys.get(after)) : Optional.empty();
    }

    /** Whether keys must be made: none signs yet (first use), or no next key is published yet. */
    boolean needsKeys() {
        return signing().isEmpty() || next().isEmpty();
    }

    /**
     * The keys {@code jwks.json} publishes: the next, the signing one, and every earlier one whose signing ended less
     * than one TTL ago; oldest first.
     */
    List<SigningKey> published() {
        List<SigningKey> shown = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            OffsetDateTime end = i + 1 < keys.size() ? keys.get(i + 1).signsFrom() : null;
            if (end == null || end.plus(ttl).isAfter(now)) {
                shown.add(keys.get(i));
            }
        }
        return shown;
    }

    /**
     * When a next key made now may start signing: a rotation period after the signing key started, but never less
     * than one TTL from now, so that every verifier that refreshes its key set within a TTL knows it before it signs.
     */
    static OffsetDateTime nextSigningStart(
            OffsetDateTime signingSince, OffsetDateTime now, Duration rotation, Duration ttl) {
        OffsetDateTime planned = signingSince.plus(rotation);
        OffsetDateTime earliest = now.plus(ttl);
        return planned.isAfter(earliest) ? planned : earliest;
    }
}
