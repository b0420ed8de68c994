package dev.seatkeeper.seats;

import java.security.SecureRandom;
import java.util.Base64;

/** Invitation tokens as Polar makes them: 32 random bytes, base64url without padding (43 characters), no prefix. */
final class InvitationTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private InvitationTokens() {}

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
