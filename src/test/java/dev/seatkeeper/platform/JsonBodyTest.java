package dev.seatkeeper.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertEquals(List.of("string_type", "uuid_type"), e.issues().stream().map(ValidationIssue::type).toList());
        assertEquals(jakarta.json.JsonValue.NULL, e.issues().get(0).input(), "written as null");
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
        assertEquals(List.of("string_type", "uuid_parsing", "int_from_float", "bool_parsing", "missing"),
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
        assertEquals(List.of("body", "prices", 0, "amount_type"), e.issues().get(0).loc());
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
}
