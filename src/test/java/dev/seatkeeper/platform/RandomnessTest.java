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
    void idsAreVersion7WithTheCurrentTimeFirst() {
        long before = System.currentTimeMillis();
        UUID id = Randomness.newId();
        long after = System.currentTimeMillis();

        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        long millis = id.getMostSignificantBits() >>> 16;
        assertTrue(millis >= before && millis <= after, "timestamp " + millis + " outside " + before + ".." + after);
    }

    @Test
    void aLaterIdSortsAfterAnEarlierOneAsTextAndAsBytes() throws InterruptedException {
        UUID first = Randomness.newId();
        Thread.sleep(2);
        UUID second = Randomness.newId();

        assertTrue(first.toString().compareTo(second.toString()) < 0);
        assertTrue(Long.compareUnsigned(first.getMostSignificantBits(), second.getMostSignificantBits()) < 0);
    }

    @Test
    void idsMadeInOneMillisecondDiffer() {
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
