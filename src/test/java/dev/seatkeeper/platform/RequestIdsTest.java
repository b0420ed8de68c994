package dev.seatkeeper.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which caller request ids are taken, and what the request log line shows of a path. */
class RequestIdsTest {
    @Test
    void printableIdsUpToTheLimitAreTakenOthersReplaced() {
        assertTrue(RequestIds.acceptable("req_01HZX-abc:42/7"));
        assertTrue(RequestIds.acceptable("x".repeat(RequestIds.MAX_LENGTH)));
        assertFalse(RequestIds.acceptable("x".repeat(RequestIds.MAX_LENGTH + 1)));
        assertFalse(RequestIds.acceptable(""));
        assertFalse(RequestIds.acceptable(null));
        assertFalse(RequestIds.acceptable("two words"), "a space would split the log line");
        assertFalse(RequestIds.acceptable("a\tb"));
        assertFalse(RequestIds.acceptable("é"));
    }

    @Test
    void theLoggedPathNeverHoldsAnInvitationToken() {
        assertEquals(
                "/v1/customer-seats/claim/{invitation_token}",
                RequestIds.loggablePath("/v1/customer-seats/claim/skinv_secret123"));
        assertEquals("/v1/customer-seats/claim", RequestIds.loggablePath("/v1/customer-seats/claim"));
        assertEquals("/v1/customer-seats/abc/history", RequestIds.loggablePath("/v1/customer-seats/abc/history"));
        assertEquals(201, RequestIds.loggablePath("/" + "a".repeat(400)).length());
    }

    @Test
    void anEscapedClaimPathIsCutToo() {
        // A client that escapes a character of the path still sends a live token; the route 404s, the log must not
        // keep it either.
        for (String path : java.util.List.of(
                "/v1/customer-seats/%63laim/skinv_secret123",
                "/v1/customer-seats/cl%61im/skinv_secret123",
                "/v1/customer-seats/CLAIM/skinv_secret123",
                "/v1/customer-seats/claim%2Fskinv_secret123",
                "/v1/customer-seats%2fclaim%2fskinv_secret123")) {
            String logged = RequestIds.loggablePath(path);
            assertFalse(logged.contains("skinv_secret123"), path + " logged as " + logged);
            assertTrue(logged.endsWith("/claim/{invitation_token}"), logged);
        }
        assertEquals(
                "/v1/customer-seats/claim/{invitation_token}",
                RequestIds.loggablePath("/v1/customer-seats%2Fclaim%2Fskinv_secret123"));
    }

    @Test
    void controlCharactersOfAPathAreEscapedSoTheLogLineStaysOneLine() {
        // The container lets these raw bytes through in a request target (answered 404): VT, FF, NUL, ESC sequences
        // that rewrite a terminal's line, backspaces, NEL and the Unicode line separator.
        String logged = RequestIds.loggablePath("/v1/a\013b\f\0\033[2K\033[1Gfake\b\177\u0085\u2028z");
        assertTrue(logged.chars().noneMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029), logged);
        assertEquals("/v1/a%0Bb%0C%00%1B[2K%1B[1Gfake%08%7F%C2%85%E2%80%A8z", logged);
        assertEquals("G%1BET", RequestIds.loggable("G\033ET"));
    }

    @Test
    void theLogLineNamesMethodPathStatusMillisecondsAndId() {
        assertEquals(
                "POST /v1/customer-seats/claim/{invitation_token} 201 12.3 ms request_id=req-1",
                RequestIds.line("POST", "/v1/customer-seats/claim/skinv_secret", 201, 12_345_678, "req-1"));
        assertEquals("GET /v1/x 404 0.0 ms request_id=r", RequestIds.line("GET", "/v1/x", 404, 99_999, "r"));
        assertEquals("GET /v1/x 200 1500.0 ms request_id=r", RequestIds.line("GET", "/v1/x", 200, 1_500_000_000L, "r"));
    }
}
