package dev.seatkeeper.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RandomnessTest {
    @Test
    void idsAreVersion4AsPolarsRoutesRequire() {
        for (int i = 0; i < 1_000; i++) {
            UUID id = Randomness.newId();
            assertEquals(4, id.version());
            assertEquals(2, id.variant());
        }
    }

    @Test
    void idsStartWithTheTimeSoThatLaterIdsSortAfterEarlierOnes() throws InterruptedException {
        long before = System.currentTimeMillis();
        UUID first = Randomness.newId();
        Thread.sleep(2);
        UUID second = Randomness.newId();
        long after = System.currentTimeMillis();
        long firstMillis = first.getMostSignificantBits() >>> 16;
        long secondMillis = second.getMostSignificantBits() >>> 16;
        assertTrue(before <= firstMillis && firstMillis < secondMillis && secondMillis <= after, first + " " + second);
        // As PostgreSQL orders uuid values (byte by byte) and H2 too: the later id sorts after the earlier one.
        assertTrue(first.toString().compareTo(second.toString()) < 0, first + " " + second);
    }

    @Test
    void idsDiffer() {
        var seen = new HashSet<UUID>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(Randomness.newId()));
        }
    }

    @Test
    void bytesHaveTheLengthAskedFor() {
        assertEquals(32, Randomness.bytes(32).length);
        assertFalse(Arrays.equals(Randomness.bytes(16), Randomness.bytes(16)));
    }
}
