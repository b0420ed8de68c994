package dev.seatkeeper.security;

import dev.seatkeeper.platform.Randomness;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Polar's bearer token format: a prefix, 37 random characters of {@code [A-Za-z0-9]}, and a 6-character base62
 * CRC32 checksum of the random part. The checksum lets the service refuse a mistyped or invented token without a
 * database look-up.
 */
public final class TokenFormat {
    public static final String ORGANIZATION_ACCESS_TOKEN = "polar_oat_";
    public static final String CUSTOMER_SESSION = "polar_cst_";
    public static final String MEMBER_SESSION = "polar_mst_";

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int RANDOM_LENGTH = 37;
    private static final int CHECKSUM_LENGTH = 6;

    private TokenFormat() {}

    /** A new token with this prefix: the prefix, {@value #RANDOM_LENGTH} random characters and their checksum. */
    public static String generate(String prefix) {
        String random = Randomness.chars(ALPHABET, RANDOM_LENGTH);
        return prefix + random + checksum(random);
    }

    /** True when the token has the prefix, the length, the alphabet and a matching checksum. */
    public static boolean isWellFormed(String token, String prefix) {
        if (token == null
                || !token.startsWith(prefix)
                || token.length() != prefix.length() + RANDOM_LENGTH + CHECKSUM_LENGTH) {
            return false;
        }
        String body = token.substring(prefix.length());
        for (int i = 0; i < body.length(); i++) {
            if (ALPHABET.indexOf(body.charAt(i)) < 0) {
                return false;
            }
        }
        String random = body.substring(0, RANDOM_LENGTH);
        return body.substring(RANDOM_LENGTH).equals(checksum(random));
    }

    static String checksum(String random) {
        var crc = new CRC32();
        crc.update(random.getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        var digits = new StringBuilder();
        do {
            digits.append(ALPHABET.charAt((int) (value % 62)));
            value /= 62;
        } while (value > 0);
        while (digits.length() < CHECKSUM_LENGTH) {
            digits.append('0');
        }
        return digits.reverse().toString();
    }
}
