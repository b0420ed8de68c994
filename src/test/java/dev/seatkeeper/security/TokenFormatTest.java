package dev.seatkeeper.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenFormatTest {

    @Test
    void checksumMatchesPolarsVectors() {
        // Computed with Polar's generator: base62 of the CRC32 of the random part, left-padded to six characters.
        assertEquals("4WQsSZ", TokenFormat.checksum("abcdefghijklmnopqrstuvwxyzABCDEFGHIJK"));
        assertEquals("0fT9V2", TokenFormat.checksum("0123456789012345678901234567890123456"));
        assertTrue(TokenFormat.isWellFormed(
                "polar_oat_abcdefghijklmnopqrstuvwxyzABCDEFGHIJK4WQsSZ", TokenFormat.ORGANIZATION_ACCESS_TOKEN));
    }

    @Test
    void generatedTokensCarryTheirPrefixAndAValidChecksum() {
        for (String prefix : new String[] {
            TokenFormat.ORGANIZATION_ACCESS_TOKEN, TokenFormat.CUSTOMER_SESSION, TokenFormat.MEMBER_SESSION
        }) {
            String token = TokenFormat.generate(prefix);
            assertEquals(prefix.length() + 43, token.length());
            assertTrue(TokenFormat.isWellFormed(token, prefix), token);
        }
    }

    @Test
    void alteredWrongPrefixOrWrongLengthTokensAreRejected() {
        String token = TokenFormat.generate(TokenFormat.CUSTOMER_SESSION);
        char last = token.charAt(token.length() - 1);
        String altered = token.substring(0, token.length() - 1) + (last == 'a' ? 'b' : 'a');
        assertFalse(TokenFormat.isWellFormed(altered, TokenFormat.CUSTOMER_SESSION));
        assertFalse(TokenFormat.isWellFormed(token, TokenFormat.MEMBER_SESSION));
        assertFalse(TokenFormat.isWellFormed(token + "x", TokenFormat.CUSTOMER_SESSION));
        String outsideAlphabet = token.substring(0, 12) + "-" + token.substring(13);
        assertFalse(TokenFormat.isWellFormed(outsideAlphabet, TokenFormat.CUSTOMER_SESSION));
    }
}
