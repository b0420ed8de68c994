package dev.seatkeeper.seats;

import dev.seatkeeper.platform.Randomness;
import java.util.Base64;

/** Invitation tokens as Polar makes them: 32 random bytes, base64url without padding (43 characters), no prefix. */
final class InvitationTokens {
    private InvitationTokens() {}

    static String generate() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Randomness.bytes(32));
    }
}
