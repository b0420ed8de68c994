package dev.seatkeeper.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestTargetTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/v1/customer-portal/seats/%",
                "/v1/%ZZ",
                "/v1/customer-seats/claim/%00",
                "/%2e%2e/%00",
                "/v1/x/%C3%28",
                "/v1/x/%FF",
                "/v1/x/%E2%82",
                "/v1/x/%u0041",
                "/v1/x/%4",
                "/v1/x/a|b",
                "/v1/x/\u0001",
                "/v1/{id}",
                "/v1/customers/;jsessionid=1/members",
                "/v1/customers/x;a=b"
            })
    void malformedPathsAndPathParametersAreRefused(String path) {
        assertFalse(RequestTarget.readablePath(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/customers/", "/v1/x/%C3%A9", "/v1/x/%2e%2e", "/v1/x/%20y", "/v1/x/\u00e9"})
    void wellFormedPathsDecode(String path) {
        assertTrue(RequestTarget.readablePath(path));
    }

    @Test
    void theFirstUnreadableQueryParameterIsNamed() {
        assertEquals(Optional.of("page"), RequestTarget.unreadableParameter("limit=1&page=%ZZ"));
        assertEquals(Optional.of("x"), RequestTarget.unreadableParameter("x=%00"));
        assertEquals(Optional.of("query"), RequestTarget.unreadableParameter("%=1"));
        assertEquals(Optional.empty(), RequestTarget.unreadableParameter("email=a%40b.io&page=2&&flag"));
        assertEquals(Optional.empty(), RequestTarget.unreadableParameter(null));
    }
}
