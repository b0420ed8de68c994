package dev.seatkeeper.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The stored form of a kept response: compressed text that comes back exactly. */
class IdempotencyStoreTest {
    @Test
    void aCompressedBodyComesBackExactly() {
        String body = "{\"results\":["
                + "{\"index\":1,\"status\":200,\"seat\":{\"email\":\"é@example.com\"}},".repeat(1000) + "{}]}";
        String stored = IdempotencyStore.deflate(body);
        assertEquals(body, IdempotencyStore.inflate(stored));
        assertTrue(stored.length() < body.length() / 10, "repetitive JSON shrinks: " + stored.length());
    }
}
