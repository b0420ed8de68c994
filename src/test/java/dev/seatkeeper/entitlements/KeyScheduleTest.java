package dev.seatkeeper.entitlements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

/** Which key signs and which are published over a rotation; the status list's bits; a token's expiry. */
class KeyScheduleTest {
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final Duration TTL = Duration.ofDays(7);
    private static final UUID ORG = UUID.randomUUID();

    private static SigningKey key(String kid, OffsetDateTime signsFrom) {
        return new SigningKey(ORG, kid, "x", "d", signsFrom);
    }

    private static List<String> published(List<SigningKey> keys, OffsetDateTime now) {
        return KeySchedule.of(keys, now, TTL).published().stream()
                .map(SigningKey::kid)
                .toList();
    }

    @Test
    void theNextKeyIsPublishedBeforeItSignsAndTheOldOneStaysOneTtlAfter() {
        var first = key("a", T0);
        var next = key("b", T0.plusDays(90));
        var keys = List.of(first, next);

        var before = KeySchedule.of(keys, T0.plusDays(80), TTL);
        assertEquals("a", before.signing().orElseThrow().kid());
        assertEquals("b", before.next().orElseThrow().kid());
        assertFalse(before.needsKeys());
        assertEquals(List.of("a", "b"), published(keys, T0.plusDays(80)));

        var after = KeySchedule.of(keys, T0.plusDays(91), TTL);
        assertEquals("b", after.signing().orElseThrow().kid());
        assertTrue(after.needsKeys(), "the next key signs: a successor must be published");
        assertEquals(List.of("a", "b"), published(keys, T0.plusDays(96)));
        assertEquals(List.of("b"), published(keys, T0.plusDays(97)));
    }

    @Test
    void aClockALittleBehindTheFirstKeySignsWithItAndMakesNoOther() {
        var keys = List.of(key("a", T0), key("b", T0.plusDays(90)));
        var schedule = KeySchedule.of(keys, T0.minusNanos(3_000_000), TTL);
        assertEquals("a", schedule.signing().orElseThrow().kid());
        assertEquals("b", schedule.next().orElseThrow().kid());
        assertFalse(schedule.needsKeys());
    }

    @Test
    void aRevokedKeyIsNeverPublishedNorSigns() {
        var revoked = key("a", T0);
        revoked.revoke(T0.plusDays(1));
        var keys = List.of(revoked, key("b", T0.plusDays(1)));
        var schedule = KeySchedule.of(keys, T0.plusDays(2), TTL);
        assertEquals("b", schedule.signing().orElseThrow().kid());
        assertEquals(List.of("b"), published(keys, T0.plusDays(2)));
    }

    @Test
    void aNextKeyStartsARotationLaterButNeverSoonerThanOneTtlFromNow() {
        assertEquals(T0.plusDays(90), KeySchedule.nextSigningStart(T0, T0.plusDays(1), Duration.ofDays(90), TTL));
        assertEquals(
                T0.plusDays(200).plus(TTL),
                KeySchedule.nextSigningStart(T0, T0.plusDays(200), Duration.ofDays(90), TTL));
    }

    @Test
    void expiryIsOneTtlLaterButNeverPastAKnownEnd() {
        assertEquals(T0.plus(TTL), EntitlementClaims.expiry(T0, TTL, Stream.of((OffsetDateTime) null)));
        assertEquals(T0.plusDays(2), EntitlementClaims.expiry(T0, TTL, Stream.of(T0.plusDays(2), T0.plusDays(3))));
        assertEquals(T0.plus(TTL), EntitlementClaims.expiry(T0, TTL, Stream.of(T0.plusDays(30))));
        assertEquals(
                T0.plusDays(1),
                EntitlementClaims.expiry(T0, TTL, Stream.of(T0.plusDays(1).plusNanos(5_000))));
    }

    @Test
    void statusListSetsOneBitPerRevokedIndexLeastSignificantFirst() throws Exception {
        byte[] bits = inflate(StatusList.encode(20, List.of(0, 9, 19)));
        assertEquals(StatusList.BLOCK_BYTES, bits.length);
        assertEquals(0b0000_0001, bits[0]);
        assertEquals(0b0000_0010, bits[1]);
        assertEquals(0b0000_1000, bits[2]);
        assertEquals(0, bits[3]);
        assertEquals(32, inflate(StatusList.encode(200, List.of())).length);
    }

    private static byte[] inflate(String lst) throws Exception {
        var inflater = new Inflater();
        inflater.setInput(Base64.getUrlDecoder().decode(lst));
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[256];
        while (!inflater.finished()) {
            out.write(buffer, 0, inflater.inflate(buffer));
        }
        return out.toByteArray();
    }
}
