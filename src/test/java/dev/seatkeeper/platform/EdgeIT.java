package dev.seatkeeper.platform;

import static dev.seatkeeper.testing.Shapes.assertValidationError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seatkeeper.testing.ApiTest;
import dev.seatkeeper.testing.Fixtures;
import dev.seatkeeper.testing.RawHttp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract, "Edge behaviour" and "Numbers and pages": whatever arrives, the answer is JSON with a 4xx status and a
 * refused request changes nothing. Requests that an HTTP library would not send go through {@link RawHttp}.
 */
class EdgeIT extends ApiTest {
    private static final String JSON = "Content-Type: application/json";
    RawHttp raw;
    Fixtures.Tenant tenant;
    String customerId;
    String subscriptionId;

    @BeforeEach
    void setUp() {
        raw = new RawHttp(base);
        tenant = fixtures.tenant(true, true);
        String productId = fixtures.product(tenant, "month").getString("id");
        customerId = fixtures.customer(tenant, Fixtures.email("billing")).getString("id");
        subscriptionId = fixtures.subscription(tenant, productId, customerId, 3).getString("id");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private JsonObject seats() {
        return api.get("/v1/customer-seats?subscription_id=" + subscriptionId, tenant.token())
                .json();
    }

    private String seatStatus(String seatId) {
        return seats().getJsonArray("seats").getValuesAs(JsonObject.class).stream()
                .filter(seat -> seat.getString("id").equals(seatId))
                .findFirst()
                .orElseThrow()
                .getString("status");
    }

    private static void assertJsonError(RawHttp.Answer answer, int status, String error, String detail) {
        assertEquals(status, answer.status(), answer.toString());
        assertTrue(answer.isJson(), answer.toString());
        assertEquals(error, answer.json().getString("error"), answer.toString());
        if (detail != null) {
            assertEquals(detail, answer.json().getString("detail"), answer.toString());
        }
    }

    /**
     * Contract, "API versions": accepted versions are echoed, also on 401 and 404; none or empty means 2026-10 (the
     * test server runs with the default settings). Answers to 2026-04, deprecated by default, carry
     * {@code Deprecation}, {@code Sunset} and {@code Link} (also errors); answers to the other versions none of them.
     */
    @Test
    void polarVersionIsEchoedOnEveryAnswer() {
        for (String version : List.of("2026-04", "2026-10", "2027-01")) {
            var ok = raw.send(
                    "GET",
                    "/v1/customer-seats?subscription_id=" + subscriptionId,
                    new byte[0],
                    "Authorization: Bearer " + tenant.token(),
                    "Polar-Version: " + version);
            assertEquals(200, ok.status(), ok.toString());
            assertEquals(version, ok.headers().get("polar-version"), ok.toString());
            var unauthorized = raw.send("GET", "/v1/customers/", new byte[0], "Polar-Version: " + version);
            assertJsonError(unauthorized, 401, "Unauthorized", "Unauthorized");
            assertEquals(version, unauthorized.headers().get("polar-version"), unauthorized.toString());
            var missing = raw.send(
                    "GET",
                    "/v1/customer-seats/" + UUID.randomUUID(),
                    new byte[0],
                    "Authorization: Bearer " + tenant.token(),
                    "Polar-Version: " + version);
            assertTrue(missing.status() >= 400 && missing.isJson(), missing.toString());
            assertEquals(version, missing.headers().get("polar-version"), missing.toString());
            for (var answer : List.of(ok, unauthorized, missing)) {
                assertDeprecation(version.equals("2026-04"), answer);
            }
        }
        var none = raw.send("GET", "/v1/customers/", new byte[0], "Authorization: Bearer " + tenant.token());
        assertEquals(200, none.status(), none.toString());
        assertEquals("2026-10", none.headers().get("polar-version"), none.toString());
        assertDeprecation(false, none);
        var empty = raw.send(
                "GET", "/v1/customers/", new byte[0], "Authorization: Bearer " + tenant.token(), "Polar-Version: ");
        assertEquals(200, empty.status(), empty.toString());
        assertEquals("2026-10", empty.headers().get("polar-version"), empty.toString());
        assertDeprecation(false, empty);
    }

    /**
     * 2026-04 is deprecated since 2026-10-01T00:00:00Z (the day 2026-10 became current; RFC 9745), sunset on
     * 2027-01-15 (RFC 8594), and the OpenAPI document at the public URL says what changed.
     */
    private static void assertDeprecation(boolean deprecated, RawHttp.Answer answer) {
        if (deprecated) {
            assertEquals("@1790812800", answer.headers().get("deprecation"), answer.toString());
            assertEquals("Fri, 15 Jan 2027 00:00:00 GMT", answer.headers().get("sunset"), answer.toString());
            assertEquals(
                    "<http://localhost:8080/openapi>; rel=\"deprecation\"",
                    answer.headers().get("link"),
                    answer.toString());
        } else {
            for (String header : List.of("deprecation", "sunset", "link")) {
                assertFalse(answer.headers().containsKey(header), header + ": " + answer);
            }
        }
    }

    /** Contract, "API versions": an unknown version is 404 {"detail":"Not Found"}, before authentication. */
    @Test
    void unknownPolarVersionIsNotFoundBeforeAuthentication() {
        for (String version : List.of("2025-01", "latest", "2026-04-01")) {
            var withToken = raw.send(
                    "GET",
                    "/v1/customers/",
                    new byte[0],
                    "Authorization: Bearer " + tenant.token(),
                    "Polar-Version: " + version);
            assertEquals(404, withToken.status(), withToken.toString());
            assertEquals(Json.createObjectBuilder().add("detail", "Not Found").build(), withToken.json());
            var withoutToken = raw.send("GET", "/v1/customers/", new byte[0], "Polar-Version: " + version);
            assertEquals(404, withoutToken.status(), withoutToken.toString());
            assertEquals(Json.createObjectBuilder().add("detail", "Not Found").build(), withoutToken.json());
        }
        // Nothing ran: a seat assignment sent with an unknown version is not made.
        var refused = raw.send(
                "POST",
                "/v1/customer-seats",
                bytes("{\"subscription_id\":\"" + subscriptionId + "\",\"email\":\"" + Fixtures.email("v") + "\"}"),
                "Authorization: Bearer " + tenant.token(),
                JSON,
                "Polar-Version: 1999-01");
        assertEquals(404, refused.status(), refused.toString());
        assertEquals(0, seats().getJsonArray("seats").size());
    }

    @Test
    void deleteWithAJsonBodyRevokesTheSeat() {
        String seatId =
                fixtures.assign(tenant, subscriptionId, Fixtures.email("a")).getString("id");
        var answer = raw.send(
                "DELETE",
                "/v1/customer-seats/" + seatId,
                bytes("{\"reason\": \"left\"}"),
                "Authorization: Bearer " + tenant.token(),
                JSON);
        assertEquals(200, answer.status(), answer.toString());
        assertEquals("revoked", answer.json().getString("status"));
    }

    @Test
    void portalDeleteWithABodyThatIsNotJsonRevokesTheSeat() {
        String seatId =
                fixtures.assign(tenant, subscriptionId, Fixtures.email("b")).getString("id");
        String owner = fixtures.session(tenant, customerId).getString("token");
        var answer = raw.send(
                "DELETE",
                "/v1/customer-portal/seats/" + seatId,
                bytes("not json at all"),
                "Authorization: Bearer " + owner,
                "Content-Type: text/plain");
        assertEquals(200, answer.status(), answer.toString());
        assertEquals("revoked", answer.json().getString("status"));
    }

    @Test
    void aMalformedContentTypeIsFastApisModelAttributesType() {
        var answer = raw.send(
                "POST",
                "/v1/customers/",
                bytes("{\"email\": \"x@example.com\"}"),
                "Authorization: Bearer " + tenant.token(),
                "Content-Type: garbage");
        assertEquals(422, answer.status(), answer.toString());
        var issue = answer.json().getJsonArray("detail").getJsonObject(0);
        assertEquals("model_attributes_type", issue.getString("type"));
        assertEquals(Json.createArrayBuilder().add("body").build(), issue.getJsonArray("loc"));
        assertEquals("Input should be a valid dictionary or object to extract fields from", issue.getString("msg"));
        assertEquals(
                0,
                api.get("/v1/customers/?email=x%40example.com", tenant.token())
                        .json()
                        .getJsonObject("pagination")
                        .getInt("total_count"),
                "nothing stored");
    }

    @Test
    void aBodyOfAnotherTypeIsRefusedAndOneWithoutATypeIsReadAsJson() {
        var text = raw.send(
                "POST", "/v1/customer-seats/claim", bytes("{\"invitation_token\": \"x\"}"), "Content-Type: text/plain");
        assertEquals(
                "model_attributes_type",
                text.json().getJsonArray("detail").getJsonObject(0).getString("type"),
                text.toString());
        var untyped = raw.send("POST", "/v1/customer-seats/claim", bytes("{\"invitation_token\": \"x\"}"));
        assertJsonError(untyped, 400, "InvalidInvitationToken", "Invalid or expired invitation token");
        var emptyCharset = raw.send(
                "POST",
                "/v1/customer-seats/claim",
                bytes("{\"invitation_token\": \"x\"}"),
                "Content-Type: application/json; charset=");
        assertJsonError(emptyCharset, 400, "InvalidInvitationToken", null);
    }

    @Test
    void nestingAHundredThousandDeepIsJsonInvalid() {
        String deep = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);
        var answer = raw.send("POST", "/v1/customer-seats/claim", bytes(deep), JSON);
        assertEquals(422, answer.status(), answer.toString());
        var issue = answer.json().getJsonArray("detail").getJsonObject(0);
        assertEquals("json_invalid", issue.getString("type"));
        assertEquals(Json.createArrayBuilder().add("body").add(5 * 500).build(), issue.getJsonArray("loc"));
        assertEquals(
                "Nesting deeper than 500 levels", issue.getJsonObject("ctx").getString("error"));
    }

    @Test
    void bytesThatAreNotUtf8AreABadRequest() {
        byte[] body = {
            '{',
            '"',
            'e',
            'm',
            'a',
            'i',
            'l',
            '"',
            ':',
            '"',
            (byte) 0xC3,
            (byte) 0x28,
            '@',
            'x',
            '.',
            'i',
            'o',
            '"',
            '}'
        };
        var answer = raw.send("POST", "/v1/customers/", body, "Authorization: Bearer " + tenant.token(), JSON);
        assertJsonError(answer, 400, "BadRequest", "There was an error parsing the body");
    }

    @Test
    void aBodyOverOneMebibyteIsRefusedUnreadWith413() {
        byte[] big = new byte[50 * 1024 * 1024];
        Arrays.fill(big, (byte) 'a');
        var answer = raw.send("POST", "/v1/customer-seats/claim", big, JSON);
        assertJsonError(answer, 413, "PayloadTooLarge", "The request body is larger than 1048576 bytes.");
        var deleted = raw.send(
                "DELETE",
                "/v1/customer-seats/" + UUID.randomUUID(),
                new byte[1024 * 1024 + 1],
                "Authorization: Bearer " + tenant.token(),
                JSON);
        assertJsonError(deleted, 413, "PayloadTooLarge", null);
    }

    @Test
    void aBodyOverOneMebibyteIs413BeforeThePathTheQueryOrTheVersionIsRead() {
        // The released build answered these 404 (the connector, for a path that does not decode) or 422 (a query
        // parameter that does not decode): the 413 comes first, as it does for well-formed targets.
        String seatId = fixtures.assign(tenant, subscriptionId, Fixtures.email("big-body"))
                .getString("id");
        byte[] big = new byte[1200 * 1000];
        Arrays.fill(big, (byte) '{');
        String auth = "Authorization: Bearer " + tenant.token();
        for (String method : List.of("PATCH", "POST", "DELETE")) {
            for (String target : List.of(
                    "/v1/customer-seats/%ED%A0%80",
                    "/v1/customer-seats/%ZZ",
                    "/v1/customer-seats/%00",
                    "/v1/customer-seats/" + seatId + "?x=%FF%FE",
                    "/v1/customer-seats?subscription_id=%FF%FE",
                    "/v1/customer-seats?%C3%28=1",
                    "/WEB-INF/web.xml")) {
                assertJsonError(
                        raw.send(method, target, big, auth, JSON),
                        413,
                        "PayloadTooLarge",
                        "The request body is larger than 1048576 bytes.");
            }
        }
        var unknownVersion = raw.send("DELETE", "/v1/customer-seats/" + seatId, big, auth, "Polar-Version: 1999-01");
        assertJsonError(unknownVersion, 413, "PayloadTooLarge", null);
        // What the web container would answer by itself: TRACE (405), an Expect it does not know (417).
        assertJsonError(raw.send("TRACE", "/v1/customer-seats", big, auth), 413, "PayloadTooLarge", null);
        // 20 MB sent whole, whatever the answer: the server reads and discards what it refused, so the writes all
        // succeed and the 413 is there to read. The server's codec reads no body for a TRACE; the application, reached
        // with it, answered and closed with the body still arriving, and the connection was reset (1 in 20 such
        // requests from a client that stops sending at the answer, every time from this one).
        byte[] huge = new byte[20_000_000];
        Arrays.fill(huge, (byte) 'a');
        String traceHead = "TRACE " + raw.prefix() + "/v1/customer-seats?%=% HTTP/1.1\r\nHost: localhost\r\n" + auth
                + "\r\nContent-Length: " + huge.length + "\r\nConnection: close\r\n\r\n";
        assertJsonError(raw.sendInParts(1, 0, bytes(traceHead), huge).get(0), 413, "PayloadTooLarge", null);
        assertJsonError(raw.send("POST", "/v1/customer-seats", big, auth, "Expect: foo"), 413, "PayloadTooLarge", null);
        // The head alone, the body 300 ms after it: the server has then read a head awaiting an acknowledgement, and
        // it answered 417 for an expectation it does not know (every time; and 45 of 600 requests sent whole by four
        // parallel senders).
        String head = "POST " + raw.prefix() + "/v1/customer-seats HTTP/1.1\r\nHost: localhost\r\n" + auth + "\r\n"
                + JSON + "\r\nExpect: foo\r\nContent-Length: " + big.length + "\r\nConnection: close\r\n\r\n";
        assertJsonError(raw.sendInParts(1, 300, bytes(head), big).get(0), 413, "PayloadTooLarge", null);
        // Sent chunked, a body's length is known only once read: it is read ahead (1 MiB at most) and refused first
        // all the same, where the application judges the target (a query that does not decode, an unknown route, a
        // method the route lacks, a malformed id).
        byte[] chunked = concat(bytes(Integer.toHexString(big.length) + "\r\n"), big, bytes("\r\n0\r\n\r\n"));
        for (String[] call : List.of(
                new String[] {"POST", "/v1/customer-seats?subscription_id=%FF%FE"},
                new String[] {"PATCH", "/v1/nothing-here"},
                new String[] {"PATCH", "/v1/customer-seats"},
                new String[] {"DELETE", "/v1/customer-seats/not-a-uuid"})) {
            assertJsonError(
                    raw.send(call[0], call[1], chunked, -1, 0, auth, JSON, "Transfer-Encoding: chunked"),
                    413,
                    "PayloadTooLarge",
                    null);
        }
        var echoed = raw.send("PATCH", "/v1/customer-seats/%ED%A0%80", big, auth, "Polar-Version: 2026-10");
        assertEquals("2026-10", echoed.headers().get("polar-version"), "the version is echoed on the 413 too");
        assertEquals("pending", seatStatus(seatId), "nothing was acted on");
    }

    @Test
    void aChunkedBodyOverOneMebibyteIsRefusedWith413() {
        String email = "\"" + "a".repeat(2 * 1024 * 1024) + "@x.io\"";
        byte[] chunk = bytes("{\"email\": " + email + "}");
        byte[] chunked = concat(bytes(Integer.toHexString(chunk.length) + "\r\n"), chunk, bytes("\r\n0\r\n\r\n"));
        var answer = raw.send(
                "POST",
                "/v1/customers/",
                chunked,
                -1,
                0,
                "Authorization: Bearer " + tenant.token(),
                JSON,
                "Transfer-Encoding: chunked");
        assertJsonError(answer, 413, "PayloadTooLarge", null);
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void aBodyThatTricklesInIsGivenUpWith408() {
        long start = System.nanoTime();
        var answer = raw.send(
                "POST",
                "/v1/customer-seats/claim",
                bytes("{\"invitation_token\": \"abcdefghijklmnopqrstuvwxyz\"}"),
                44,
                1500,
                JSON);
        assertJsonError(answer, 408, "RequestTimeout", null);
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertTrue(seconds < 30, "answered after " + seconds + " s");
    }

    /**
     * Java's HttpClient sends {@code Upgrade: h2c} with every request. A body that arrived after its request was
     * answered (401 before it was read) once made the connector miss the next request's head, which then waited for
     * its body until the read timeout (408 after 10 s).
     */
    @Test
    void aRequestAfterABodyThatArrivedLateIsServedWhole() {
        String upgrade =
                "Connection: Upgrade, HTTP2-Settings\r\nHTTP2-Settings: AAEAAEAAAAIAAAABAAMAAABkAAQBAAAAAAUAAEAA\r\n"
                        + "Upgrade: h2c\r\n" + JSON + "\r\n";
        String email = Fixtures.email("late");
        String body = "{\"email\": \"" + email + "\"}";
        String head = "POST " + raw.prefix() + "/v1/customers/ HTTP/1.1\r\nHost: localhost\r\n" + upgrade
                + "Content-Length: " + body.length() + "\r\n";
        var answers = raw.sendInParts(
                2,
                300,
                bytes(head + "\r\n"),
                bytes(body),
                bytes(head + "Authorization: Bearer " + tenant.token() + "\r\nConnection: close\r\n\r\n" + body));
        assertJsonError(answers.get(0), 401, "Unauthorized", null);
        assertEquals(201, answers.get(1).status(), answers.get(1).toString());
        assertEquals(
                1,
                api.get("/v1/customers/?email=" + email, tenant.token())
                        .json()
                        .getJsonArray("items")
                        .size());
    }

    @Test
    void aLateBodyAndTheNextRequestInOneReadAreBothServed() {
        String upgrade =
                "Connection: Upgrade, HTTP2-Settings\r\nHTTP2-Settings: AAEAAEAAAAIAAAABAAMAAABkAAQBAAAAAAUAAEAA\r\n"
                        + "Upgrade: h2c\r\n" + JSON + "\r\n";
        String email = Fixtures.email("together");
        String body = "{\"email\": \"" + email + "\"}";
        String head = "POST " + raw.prefix() + "/v1/customers/ HTTP/1.1\r\nHost: localhost\r\n" + upgrade
                + "Content-Length: " + body.length() + "\r\n";
        // The first request is answered (401) before its body is read; that body then arrives in one piece with
        // the next request, as Java's HttpClient writes them on a kept-alive connection.
        var answers = raw.sendInParts(
                2,
                300,
                bytes(head + "\r\n"),
                bytes(body + head + "Authorization: Bearer " + tenant.token() + "\r\nConnection: close\r\n\r\n"
                        + body));
        assertJsonError(answers.get(0), 401, "Unauthorized", null);
        assertEquals(201, answers.get(1).status(), answers.get(1).toString());
    }

    @Test
    void aBodyShorterThanItsContentLengthIsGivenUpWith408() {
        var answer = raw.send("POST", "/v1/customer-seats/claim", bytes("{\"invitation_token\""), 500, 0, JSON);
        assertJsonError(answer, 408, "RequestTimeout", null);
    }

    @Test
    void seatCountsPastThirtyTwoBitsAre422AtTheirField() {
        assertValidationError(
                api.patch(
                        "/v1/subscriptions/" + subscriptionId,
                        tenant.token(),
                        Json.createObjectBuilder().add("seats", 2147483648L).build()),
                "less_than_equal",
                "body",
                "seats");
        String productId = fixtures.product(tenant, "month").getString("id");
        assertValidationError(
                api.post(
                        "/v1/subscriptions/",
                        tenant.token(),
                        Json.createObjectBuilder()
                                .add("product_id", productId)
                                .add("customer_id", customerId)
                                .add("seats", 3_000_000_000L)
                                .build()),
                "less_than_equal",
                "body",
                "seats");
        String oneTime = fixtures.product(tenant, null).getString("id");
        assertValidationError(
                api.post(
                        "/v1/orders/",
                        tenant.token(),
                        Json.createObjectBuilder()
                                .add("product_id", oneTime)
                                .add("customer_id", customerId)
                                .add("seats", 3_000_000_000L)
                                .build()),
                "less_than_equal",
                "body",
                "seats");
        assertEquals(
                1,
                api.get("/v1/subscriptions/?limit=100", tenant.token())
                        .json()
                        .getJsonObject("pagination")
                        .getInt("total_count"),
                "nothing stored");
    }

    @Test
    void anAmountPastThirtyTwoBitsIs422() {
        var product = api.post(
                "/v1/products/",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("name", "Dear")
                        .add("recurring_interval", "month")
                        .add(
                                "prices",
                                Json.createArrayBuilder()
                                        .add(Json.createObjectBuilder()
                                                .add("amount_type", "seat_based")
                                                .add("price_currency", "usd")
                                                .add(
                                                        "seat_tiers",
                                                        Json.createObjectBuilder()
                                                                .add(
                                                                        "tiers",
                                                                        Json.createArrayBuilder()
                                                                                .add(Json.createObjectBuilder()
                                                                                        .add("min_seats", 1)
                                                                                        .add(
                                                                                                "price_per_seat",
                                                                                                2147483647L))))))
                        .build());
        assertEquals(201, product.status(), product.toString());
        assertValidationError(
                api.post(
                        "/v1/subscriptions/",
                        tenant.token(),
                        Json.createObjectBuilder()
                                .add("product_id", product.string("id"))
                                .add("customer_id", customerId)
                                .add("seats", 2)
                                .build()),
                "value_error",
                "body",
                "seats");
    }

    @Test
    void pagesStartAtOneAndPagesFarPastTheEndAreEmpty() {
        for (String route : List.of("/v1/customers/", "/v1/products/", "/v1/subscriptions/", "/v1/orders/")) {
            assertValidationError(api.get(route + "?page=0", tenant.token()), "greater_than", "query", "page");
            assertValidationError(api.get(route + "?limit=0", tenant.token()), "greater_than", "query", "limit");
            var far = api.get(route + "?page=2147483647&limit=100", tenant.token());
            assertEquals(200, far.status(), route + " " + far);
            assertEquals(0, far.array("items").size());
        }
        var members = api.get("/v1/members/?customer_id=" + customerId + "&page=2147483647&limit=100", tenant.token());
        assertEquals(200, members.status(), members.toString());
        assertEquals(0, members.array("items").size());
        String owner = fixtures.session(tenant, customerId).getString("token");
        var held = api.get("/v1/customer-portal/seats/subscriptions?page=2147483647&limit=100", owner);
        assertEquals(200, held.status(), held.toString());
        assertEquals(0, held.array("items").size());
    }

    @Test
    void anExpiryPastTheYear9999Is422() {
        var reply = api.post(
                "/v1/organization-access-tokens/",
                Fixtures.OPERATOR,
                Json.createObjectBuilder()
                        .add("organization_id", tenant.organizationId())
                        .add("scopes", Json.createArrayBuilder().add("customers:read"))
                        .add("expires_in", Long.MAX_VALUE - 1)
                        .build());
        assertValidationError(reply, "value_error", "body", "expires_in");
    }

    @Test
    void pathsOutsideTheApiAreJson() {
        for (String path : List.of("/WEB-INF/web.xml", "/application.wadl", "/nothing/here", "/_error")) {
            assertJsonError(raw.send("GET", path, new byte[0]), 404, "ResourceNotFound", "Not Found");
        }
        assertJsonError(
                raw.send("OPTIONS", "/v1/customer-seats", new byte[0]), 405, "MethodNotAllowed", "Method Not Allowed");
        assertJsonError(raw.send("PUT", "/v1/customer-seats/claim", new byte[0]), 405, "MethodNotAllowed", null);
    }

    @Test
    void aPathThatDoesNotDecodeIs404AndRevokesNothing() {
        String seatId =
                fixtures.assign(tenant, subscriptionId, Fixtures.email("kept")).getString("id");
        String owner = fixtures.session(tenant, customerId).getString("token");
        for (String path : List.of(
                "/v1/customer-portal/seats/%",
                "/v1/customer-portal/seats/%ZZ",
                "/v1/customer-portal/seats/%00",
                "/v1/customer-portal/seats/%C3%28",
                "/%2e%2e/%00")) {
            var answer = raw.send("DELETE", path, new byte[0], "Authorization: Bearer " + owner);
            assertJsonError(answer, 404, "ResourceNotFound", "Not Found");
        }
        var afterExpect = raw.send(
                "DELETE",
                "/v1/customer-portal/seats/%FF",
                new byte[0],
                "Authorization: Bearer " + owner,
                "Expect: 100-continue");
        assertJsonError(afterExpect, 404, "ResourceNotFound", "Not Found");
        assertEquals("pending", seatStatus(seatId));
    }

    @Test
    void aSemicolonInThePathIsPartOfItsSegmentNeverCutOut() {
        var create = raw.send(
                "POST",
                "/v1/customers/;jsessionid=1/members",
                bytes("{\"email\": \"m@example.com\"}"),
                "Authorization: Bearer " + tenant.token(),
                JSON);
        assertTrue(create.status() == 404 || create.status() == 422, create.toString());
        assertTrue(create.isJson(), create.toString());
        var customers = api.get("/v1/customers/", tenant.token()).json();
        assertEquals(1, customers.getJsonArray("items").size(), customers.toString());

        String seatId =
                fixtures.assign(tenant, subscriptionId, Fixtures.email("kept")).getString("id");
        String owner = fixtures.session(tenant, customerId).getString("token");
        var revoke = raw.send(
                "DELETE",
                "/v1/customer-portal/seats/" + seatId + ";jsessionid=1",
                new byte[0],
                "Authorization: Bearer " + owner);
        assertTrue(revoke.status() == 404 || revoke.status() == 422, revoke.toString());
        assertEquals("pending", seatStatus(seatId));
    }

    @Test
    void requestLinesAndHeadersTheServerRefusesAreJson() {
        assertJsonError(raw.send("TRACE", "/v1/customer-seats", new byte[0]), 405, "MethodNotAllowed", null);
        // A raw space splits the request line: the version reads as "y", refused as a bad request, never a 5xx.
        assertJsonError(raw.send("GET", "/v1/customers/x y", new byte[0]), 400, "BadRequest", null);
        // The same together with a header byte that is not ASCII, where the connector throws before answering.
        assertJsonError(
                raw.send("GET", "/v1/customers/x y", new byte[0], "Content-Type: \u00e9/\u00e9"),
                400,
                "BadRequest",
                null);
        assertJsonError(
                raw.send(
                        "GET",
                        "/v1/customers/",
                        new byte[0],
                        "X-Note: caf\u00e9",
                        "Authorization: Bearer " + tenant.token()),
                400,
                "BadRequest",
                null);
    }

    @Test
    void headersOfAHundredKilobytesAreServed() {
        var answer = raw.send(
                "GET",
                "/v1/customers/",
                new byte[0],
                "Authorization: Bearer " + tenant.token(),
                "X-Long: " + "h".repeat(100_000));
        assertEquals(200, answer.status(), answer.toString());
        assertEquals(1, answer.json().getJsonArray("items").size());
    }

    @Test
    void anyAcceptHeaderGetsJson() {
        for (String accept : List.of("Accept: text/plain", "Accept: garbage", "Accept: text/html")) {
            var answer = raw.send("GET", "/v1/customer-seats/claim/unknown", new byte[0], accept);
            assertJsonError(answer, 404, "ResourceNotFound", "Invalid or expired invitation token");
        }
    }

    @Test
    void theServiceIsStillHealthyAfterRefusedRequests() {
        aBodyOverOneMebibyteIsRefusedUnreadWith413();
        nestingAHundredThousandDeepIsJsonInvalid();
        var seat = fixtures.assign(tenant, subscriptionId, Fixtures.email("after"));
        var claim = fixtures.claim(seat.getString("invitation_token"));
        assertEquals("claimed", claim.getJsonObject("seat").getString("status"));
        assertEquals(1, seats().getJsonArray("seats").size());
    }
}
