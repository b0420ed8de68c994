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
    void everyRandomBitOfAnIdVaries() {
        long highSeen0 = 0, highSeen1 = 0, lowSeen0 = 0, lowSeen1 = 0;
        for (int i = 0; i < 1_000; i++) {
            UUID id = Randomness.newId();
            highSeen1 |= id.getMostSignificantBits();
            highSeen0 |= ~id.getMostSignificantBits();
            lowSeen1 |= id.getLeastSignificantBits();
            lowSeen0 |= ~id.getLeastSignificantBits();
        }
        // The 12 bits after the version and the 62 after the variant each took both values.
        assertEquals(0x0FFFL, highSeen1 & highSeen0 & 0xFFFFL);
        assertEquals(0x3FFFFFFFFFFFFFFFL, lowSeen1 & lowSeen0);
    }

    @Test
    void charsComeFromTheAlphabetEachAsLikelyAsTheOthers() {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        var counts = new int[128];
        for (int i = 0; i < 1_000; i++) {
            String drawn = Randomness.chars(alphabet, 62);
            assertEquals(62, drawn.length());
            drawn.chars().forEach(c -> counts[c]++);
        }
        // 1,000 expected of each (standard deviation about 31). Taking a byte modulo 62 without dropping the bytes
        // from 248 up would make the first eight characters come 1,240 times each on average.
        for (char c : alphabet.toCharArray()) {
            assertTrue(counts[c] > 850 && counts[c] < 1_150, c + ": " + counts[c]);
        }
        assertEquals(62_000, Arrays.stream(counts).sum(), "nothing outside the alphabet");
    }

    @Test
    void bytesHaveTheLengthAskedFor() {
        assertEquals(32, Randomness.bytes(32).length);
        assertFalse(Arrays.equals(Randomness.bytes(16), Randomness.bytes(16)));
    }
}
