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
}
