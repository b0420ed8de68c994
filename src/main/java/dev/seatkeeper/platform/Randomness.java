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
     * A new id: a random (version 4) UUID, as {@link UUID#randomUUID()} makes, from this thread's generator. Version 4
     * and nothing else: Polar's routes type their id parameters as pydantic's {@code UUID4} and answer any other
     * version with 422 {@code uuid_version}, and so do ours (contract, "Numbers and pages").
     */
    public static UUID newId() {
        SecureRandom random = GENERATOR.get();
        long high = (random.nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x4000L;
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
