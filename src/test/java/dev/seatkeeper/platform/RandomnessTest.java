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
