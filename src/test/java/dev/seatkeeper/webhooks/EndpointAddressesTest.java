package dev.seatkeeper.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which URLs an endpoint may have (contract, "Endpoint API"), checked on literal addresses (no DNS needed). */
class EndpointAddressesTest {
    private final EndpointAddresses strict = new EndpointAddresses(false, false);

    @Test
    void httpsToAPublicAddressAndHttpToLoopbackAreAllowed() {
        for (String url : List.of(
                "https://93.184.215.14/hook",
                "http://127.0.0.1:9000/hook",
                "http://localhost/x",
                "http://[::1]:8080/x")) {
            assertEquals(Optional.empty(), strict.problem(url), url);
        }
    }

    @Test
    void plainHttpElsewhereAndOtherSchemesAreRefused() {
        for (String url : List.of("http://93.184.215.14/hook", "ftp://127.0.0.1/x", "127.0.0.1/x", "https:///x")) {
            assertTrue(strict.problem(url).isPresent(), url);
        }
        assertEquals(Optional.empty(), new EndpointAddresses(true, false).problem("http://93.184.215.14/hook"));
    }

    @Test
    void privateLinkLocalAndUnspecifiedAddressesAreRefusedUnlessAllowed() {
        for (String url : List.of(
                "https://10.0.0.8/x",
                "https://172.16.3.4/x",
                "https://192.168.1.1/x",
                "https://169.254.169.254/latest",
                "https://0.0.0.0/x",
                "https://[fd00::1]/x",
                "https://[fe80::1]/x",
                "https://100.64.0.1/x")) {
            assertTrue(strict.problem(url).isPresent(), url);
            assertEquals(Optional.empty(), new EndpointAddresses(false, true).problem(url), url);
        }
    }
}
