package dev.seatkeeper.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JsonBodyTest {

    @Test
    void requiredNullIsATypeErrorAndOptionalNullIsAbsent() {
        var body = JsonBody.of("{\"a\": null, \"b\": null, \"c\": null}");
        body.requiredString("a");
        body.requiredUuid("b");
        assertTrue(body.optionalString("c").isEmpty());
        var e = assertThrows(RequestValidationException.class, body::check);
        assertEquals(
                List.of("string_type", "uuid_type"),
                e.issues().stream().map(ValidationIssue::type).toList());
        assertEquals(JsonValue.NULL, e.issues().get(0).input(), "written as null");
    }

    @Test
    void stringsLongerThanTheirLimitAreRefused() {
        var body = JsonBody.of("{\"name\": \"" + "x".repeat(257) + "\"}");
        body.requiredString("name");
        var e = assertThrows(RequestValidationException.class, body::check);
        assertEquals("string_too_long", e.issues().get(0).type());
    }

    @Test
    void everyProblemIsCollectedBeforeFailing() {
        var body = JsonBody.of("{\"name\": 3, \"id\": \"nope\", \"count\": 1.5, \"flag\": \"maybe\"}");
        body.requiredString("name");
        body.requiredUuid("id");
        body.optionalLongAtLeast("count", 0);
        body.optionalBoolean("flag");
        body.requiredString("missing");
        var e = assertThrows(RequestValidationException.class, body::check);
        assertEquals(
                List.of("string_type", "uuid_parsing", "int_from_float", "bool_parsing", "missing"),
                e.issues().stream().map(ValidationIssue::type).toList());
        assertEquals(List.of("body", "missing"), e.issues().get(4).loc());
    }

    @Test
    void nullAndAbsentAreTheSameForOptionalFields() {
        var body = JsonBody.of("{\"a\": null}");
        assertTrue(body.optionalString("a").isEmpty());
        assertTrue(body.optionalString("b").isEmpty());
        body.check();
    }

    @Test
    void nestedProblemsAreLocatedByPathAndIndex() {
        var body = JsonBody.of("{\"prices\": [{\"amount_type\": \"fixed\"}]}");
        body.requiredObjectList("prices").forEach(p -> p.requiredEnum("amount_type", List.of("seat_based")));
        var e = assertThrows(RequestValidationException.class, body::check);
        assertEquals(
                List.of("body", "prices", 0, "amount_type"), e.issues().get(0).loc());
        assertEquals("Input should be 'seat_based'", e.issues().get(0).msg());
    }

    @Test
    void uuidsParseInEveryFormPydanticAccepts() {
        UUID id = UUID.randomUUID();
        assertEquals(id, Ids.tryParse(id.toString()).orElseThrow());
        assertEquals(id, Ids.tryParse(id.toString().replace("-", "")).orElseThrow());
        assertEquals(id, Ids.tryParse(id.toString().toUpperCase()).orElseThrow());
        assertTrue(Ids.tryParse("not-a-uuid").isEmpty());
        var e = assertThrows(RequestValidationException.class, () -> Ids.path("seat_id", "x"));
        assertEquals(List.of("path", "seat_id"), e.issues().get(0).loc());
    }

    @Test
    void countsPastThirtyTwoBitsAreLessThanEqualAtTheirField() {
        for (String seats :
                List.of("2147483648", "3000000000", "1e30", "\"99999999999999999999999\"", "9223372036854775808")) {
            var body = JsonBody.of("{\"seats\": " + seats + "}");
            body.optionalLongBetween("seats", 1, JsonBody.INT32_MAX);
            var e = assertThrows(RequestValidationException.class, body::check, seats);
            assertEquals("less_than_equal", e.issues().get(0).type(), seats);
            assertEquals(List.of("body", "seats"), e.issues().get(0).loc());
            assertEquals(
                    "Input should be less than or equal to 2147483647",
                    e.issues().get(0).msg());
        }
        var body = JsonBody.of("{\"seats\": 2147483647}");
        assertEquals(
                2147483647L,
                body.optionalLongBetween("seats", 1, JsonBody.INT32_MAX).orElseThrow());
        body.check();
    }

    @Test
    void pagesFarPastTheEndDoNotOverflow() {
        var page = PageRequest.of("2147483647", "100");
        assertTrue(page.offset() > 0, "an offset past any table, not a negative one");
        assertEquals(100, page.limit());
        var zero = assertThrows(RequestValidationException.class, () -> PageRequest.of("0", "0"));
        assertEquals(
                List.of("greater_than", "greater_than"),
                zero.issues().stream().map(ValidationIssue::type).toList());
    }
}
