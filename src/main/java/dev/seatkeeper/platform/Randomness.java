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

    /** Returns {@code count} random bytes. */
    public static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        GENERATOR.get().nextBytes(bytes);
        return bytes;
    }

    /**
     * Returns {@code count} characters drawn uniformly and independently from {@code alphabet} (1 to 256 characters).
     *
     * <p>Why not {@code nextInt(alphabet.length())} per character: every call into a {@code DRBG} generator is a whole
     * generation (several SHA-256 compressions and a {@code BigInteger} update of its state), whatever the bytes
     * asked for. A 37-character session token cost 37 of them: a sixth of the samples of a JFR recording of the claim
     * benchmark on PostgreSQL (bench/; README, "What each change bought"). Here the bytes come in one call, and a
     * byte is used only below the largest multiple of the alphabet's size, so that each character stays equally
     * likely (the others are dropped and more are drawn).
     */
    public static String chars(String alphabet, int count) {
        int size = alphabet.length();
        if (size < 1 || size > 256) {
            throw new IllegalArgumentException("An alphabet of 1 to 256 characters, not " + size);
        }
        int usable = 256 - 256 % size;
        var drawn = new StringBuilder(count);
        byte[] bytes = new byte[count + count / 4 + 8];
        while (drawn.length() < count) {
            GENERATOR.get().nextBytes(bytes);
            for (int i = 0; i < bytes.length && drawn.length() < count; i++) {
                int value = bytes[i] & 0xFF;
                if (value < usable) {
                    drawn.append(alphabet.charAt(value % size));
                }
            }
        }
        return drawn.toString();
    }

    /**
     * A new id: a version 4 UUID whose first 48 bits are the current time in milliseconds since the epoch (UTC), then
     * the version (4), 12 random bits, the variant (2) and 62 random bits, drawn from this thread's generator.
     *
     * <p>Version 4 and nothing else: Polar's routes type their id parameters as pydantic's {@code UUID4}, which
     * checks the version and variant bits, and answer any other version with 422 {@code uuid_version}; so do ours
     * (contract, "Numbers and pages"). Time first: every row is inserted by its id into a primary-key B-tree, and a
     * fully random id lands on a random page of it, so each insert (a session and an event per claim) dirtied a page
     * of its own in an index that grows with the table: on H2 a page more in each group commit's write, on PostgreSQL
     * a page more to read and to log in full after each checkpoint, the more so the bigger the table. Ids made in one
     * millisecond now share the right-most pages. What this gives away is the creation time, to the millisecond,
     * which every answer carries anyway ({@code created_at}); the 74 random bits still make ids unique and unguessable
     * (ids are not credentials: every route checks whose data it touches).
     */
    public static UUID newId() {
        // One call into the generator, not two (see chars): 10 bytes, of which 74 bits are used.
        byte[] random = bytes(10);
        long twelve = ((random[0] & 0xFFL) << 4) | ((random[1] & 0xF0L) >>> 4);
        long sixtyTwo = 0;
        for (int i = 2; i < 10; i++) {
            sixtyTwo = (sixtyTwo << 8) | (random[i] & 0xFFL);
        }
        long high = (System.currentTimeMillis() << 16) | 0x4000L | twelve;
        long low = (sixtyTwo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
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
