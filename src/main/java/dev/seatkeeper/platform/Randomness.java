package dev.seatkeeper.platform;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Cryptographically strong random values for ids, tokens and nonces, drawn from a generator of the calling thread's
 * own.
 *
 * <p>Why not one {@code new SecureRandom()} or {@link UUID#randomUUID()}: on Linux both are the JDK's
 * {@code NativePRNG}, whose instances share one lock and read {@code /dev/urandom} under it. A JFR recording of the
 * claim benchmark (bench/) showed request threads queued there for seconds in total, making the ids of events and
 * the tokens of sessions. Each thread here has its own {@code DRBG} generator (NIST SP 800-90A, seeded by the JDK
 * from the system's entropy), so nothing is shared between threads.
 */
public final class Randomness {
    private static final ThreadLocal<SecureRandom> GENERATOR = ThreadLocal.withInitial(Randomness::newGenerator);

    private Randomness() {}

    /** The calling thread's generator; use it on this thread only. */
    public static SecureRandom generator() {
        return GENERATOR.get();
    }

    /** Returns {@code count} random bytes. */
    public static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        GENERATOR.get().nextBytes(bytes);
        return bytes;
    }

    /**
     * A new id: a version 7 UUID (RFC 9562), the current Unix time in milliseconds in its first 48 bits and 74 random
     * bits after it. Ids made later sort later, so new rows go to the end of a primary-key index instead of a random
     * page of it: fewer pages change per commit on H2's file and PostgreSQL's indexes, whatever the table's size.
     * Polar's clients read ids as opaque UUID strings.
     */
    public static UUID newId() {
        SecureRandom random = GENERATOR.get();
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    private static SecureRandom newGenerator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            // Every JDK since 9 has DRBG; should one not, the platform default is still strong, only shared.
            return new SecureRandom();
        }
    }
}
