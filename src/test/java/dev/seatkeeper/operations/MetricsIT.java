package dev.seatkeeper.operations;

import static dev.seatkeeper.testing.Shapes.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seatkeeper.testing.Api;
import dev.seatkeeper.testing.ApiTest;
import dev.seatkeeper.testing.Fixtures;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Metrics in Prometheus text (contract, "Operations"), behind {@code SEATKEEPER_METRICS_TOKEN} ("Security
 * boundaries"); the test server has it set to {@value #TOKEN} (failsafe's environment in pom.xml).
 */
class MetricsIT extends ApiTest {
    private static final String TOKEN = "test-metrics-token";

    @Test
    void metricsWithoutTheTokenAreRefused() {
        var anonymous = api.get("/metrics", null);
        assertError(anonymous, 401, "Unauthorized", "Unauthorized");
        var wrong = api.get("/metrics", TOKEN + "x");
        assertError(wrong, 401, "Unauthorized", "Unauthorized");
        var operator = api.get("/metrics", Fixtures.OPERATOR);
        assertEquals(401, operator.status(), "the operator token does not open metrics: " + operator);
    }

    @Test
    void metricsWithTheTokenArePrometheusTextWithSeatkeepersNames() {
        var reply = api.get("/metrics", TOKEN);
        assertEquals(200, reply.status(), reply.toString());
        assertTrue(
                reply.header("Content-Type").orElse("").startsWith("text/plain"),
                reply.headers().toString());
        String text = reply.text();
        for (String status : new String[] {"pending", "claimed", "revoked"}) {
            assertTrue(text.contains("seatkeeper_seats{status=\"" + status + "\"}"), "seat gauge " + status);
        }
        for (String operation : new String[] {"assign", "claim", "revoke"}) {
            assertTrue(
                    text.contains("seatkeeper_seat_operations_seconds_count{operation=\"" + operation
                            + "\",outcome=\"success\"}"),
                    "timer " + operation);
        }
        assertTrue(text.contains("seatkeeper_http_errors_total{class=\"4xx\"}"), "4xx counter");
        assertTrue(text.contains("seatkeeper_http_errors_total{class=\"5xx\"}"), "5xx counter");
        // Only the application's own meters: nothing of the server or the JVM.
        assertFalse(text.contains("jvm_"), "JVM internals");
    }

    @Test
    void operationsAndErrorsAreCountedAndTheSeatGaugesFollow() throws InterruptedException {
        var tenant = fixtures.tenant(true, true);
        String productId = fixtures.product(tenant, "month").getString("id");
        String customerId = fixtures.customer(tenant, Fixtures.email("billing")).getString("id");
        String subscriptionId =
                fixtures.subscription(tenant, productId, customerId, 3).getString("id");

        String before = scrape();
        var assigned = fixtures.assign(tenant, subscriptionId, Fixtures.email("holder"));
        var claimed = fixtures.claim(assigned.getString("invitation_token"));
        Api.Reply revoked =
                api.delete("/v1/customer-seats/" + claimed.getJsonObject("seat").getString("id"), tenant.token());
        assertEquals(200, revoked.status(), revoked.toString());
        Api.Reply refused = api.post("/v1/customer-seats/claim", null, "{\"invitation_token\":\"nope\"}");
        assertEquals(400, refused.status(), refused.toString());
        // Answered by the edge filter before any route: counted all the same.
        Api.Reply options = api.send("OPTIONS", "/v1/customer-seats", null, null);
        assertEquals(405, options.status(), options.toString());
        // A response is counted once its filter chain returns, which can be just after the client has the answer
        // (the edge filter's refusals are flushed first): a scrape at once may come a moment early.
        double errorsBefore = value(before, "seatkeeper_http_errors_total{class=\"4xx\"}");
        String after = scrape();
        for (long deadline = System.nanoTime() + 5_000_000_000L;
                value(after, "seatkeeper_http_errors_total{class=\"4xx\"}") < errorsBefore + 2
                        && System.nanoTime() - deadline < 0; ) {
            Thread.sleep(50);
            after = scrape();
        }

        assertEquals(operations(before, "assign", "success") + 1, operations(after, "assign", "success"));
        assertEquals(operations(before, "claim", "success") + 1, operations(after, "claim", "success"));
        assertEquals(operations(before, "revoke", "success") + 1, operations(after, "revoke", "success"));
        assertEquals(operations(before, "claim", "client_error") + 1, operations(after, "claim", "client_error"));
        assertEquals(
                errorsBefore + 2,
                value(after, "seatkeeper_http_errors_total{class=\"4xx\"}"),
                "the refused claim and the OPTIONS");

        // Seat counts are read at most every 10 s; by then the revoked seat is among them.
        Thread.sleep(SeatCounts.MAX_AGE.toMillis() + 500);
        assertTrue(value(scrape(), "seatkeeper_seats{status=\"revoked\"}") >= 1, "a revoked seat is counted");
    }

    private String scrape() {
        var reply = api.get("/metrics", TOKEN);
        assertEquals(200, reply.status(), reply.toString());
        return reply.text();
    }

    private static double operations(String text, String operation, String outcome) {
        return value(
                text,
                "seatkeeper_seat_operations_seconds_count{operation=\"" + operation + "\",outcome=\"" + outcome
                        + "\"}");
    }

    /** The sample's value in Prometheus text: the number after the series name on its line. */
    private static double value(String text, String series) {
        Matcher line =
                Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
        assertTrue(line.find(), "no sample " + series);
        return Double.parseDouble(line.group(1));
    }

    @Test
    void readinessNeedsTheSchemaThisReleaseWasWrittenFor() throws MalformedURLException {
        // Health is the server's, at its root, whatever the deployment's context path.
        var server = new Api(new URL(base.getProtocol(), base.getHost(), base.getPort(), "/"));
        var ready = server.get("/health/ready", null);
        assertEquals(200, ready.status(), ready.toString());
        assertTrue(ready.text().contains("\"schema\""), ready.toString());
        assertEquals(
                204, api.post("/test-support/schema-from-the-future", null, "").status());
        try {
            var ahead = server.get("/health/ready", null);
            assertEquals(503, ahead.status(), ahead.toString());
            assertTrue(ahead.text().contains("\"name\":\"schema\",\"status\":\"DOWN\""), ahead.toString());
        } finally {
            assertEquals(
                    204,
                    api.delete("/test-support/schema-from-the-future", null).status());
        }
        assertEquals(200, server.get("/health/ready", null).status());
    }
}
