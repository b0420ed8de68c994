package dev.seatkeeper.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed bodies are located as Python's json decoder locates them: these offsets are what Python 3.13 printed. */
class PythonJsonErrorsTest {

    static Stream<Arguments> pythonErrors() {
        return Stream.of(
                Arguments.of("not json", 0, "Expecting value"),
                Arguments.of("{\"a\":tru}", 5, "Expecting value"),
                Arguments.of("{\"a\":1.}", 6, "Expecting ',' delimiter"),
                Arguments.of("   ", 3, "Expecting value"),
                Arguments.of("{", 1, "Expecting property name enclosed in double quotes"),
                Arguments.of("[", 1, "Expecting value"),
                Arguments.of("{\"a\": }", 6, "Expecting value"),
                Arguments.of("{\"invitation_token\": ", 21, "Expecting value"),
                Arguments.of("{\"a\":1} x", 8, "Extra data"),
                Arguments.of("{\"a\":1,}", 6, "Illegal trailing comma before end of object"),
                Arguments.of("[1,]", 2, "Illegal trailing comma before end of array"),
                Arguments.of("{\"a\" 1}", 5, "Expecting ':' delimiter"),
                Arguments.of("{a:1}", 1, "Expecting property name enclosed in double quotes"),
                Arguments.of("\"abc", 0, "Unterminated string starting at"),
                Arguments.of("{\"a\":\"b\\q\"}", 7, "Invalid \\escape"),
                Arguments.of("{\"a\":\"\\u12\"}", 7, "Invalid \\uXXXX escape"),
                Arguments.of("{\"a\":\"x\ny\"}", 7, "Invalid control character at"),
                Arguments.of("[1 2]", 3, "Expecting ',' delimiter"),
                Arguments.of("{\"a\":1 \"b\":2}", 7, "Expecting ',' delimiter"),
                Arguments.of("nul", 0, "Expecting value"),
                Arguments.of("{\"a\":-}", 5, "Expecting value"),
                Arguments.of("{\"a\":01}", 6, "Expecting ',' delimiter"),
                Arguments.of("{\"a\":[1,2}", 9, "Expecting ',' delimiter"),
                Arguments.of("{\"a\":{\"b\":}}", 10, "Expecting value"),
                Arguments.of(" {\"a\":1", 7, "Expecting ',' delimiter"),
                Arguments.of("{\"a\":\"b\"", 8, "Expecting ',' delimiter"),
                Arguments.of("{\"x\": 1, }", 7, "Illegal trailing comma before end of object"),
                Arguments.of("{\"a\":1}}", 7, "Extra data"),
                Arguments.of("12 34", 3, "Extra data"),
                Arguments.of("{\"a\":1e}", 6, "Expecting ',' delimiter"),
                Arguments.of("truex", 4, "Extra data"),
                Arguments.of("{\"\u00e9\":\u00e9}", 5, "Expecting value"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("pythonErrors")
    void errorIsWherePythonPutsIt(String text, int offset, String message) {
        assertEquals(
                new PythonJsonErrors.Error(offset, message),
                PythonJsonErrors.firstError(text).orElseThrow());
        var e = assertThrows(RequestValidationException.class, () -> JsonBody.of(text));
        var issue = e.issues().get(0);
        assertEquals("json_invalid", issue.type());
        assertEquals(List.of("body", (long) offset), issue.loc());
        assertEquals(message, issue.ctx().getString("error"));
    }

    @Test
    void validJsonHasNoError() {
        assertTrue(PythonJsonErrors.firstError("{\"a\": [1, 2.5e3, null, true, \"x\\u00e9\\n\"], \"b\": {}}")
                .isEmpty());
    }

    @Test
    void byteOrderMarkAndEmptyBodies() {
        assertTrue(JsonBody.of("\uFEFF{\"a\": 1}").has("a"), "Python decodes bytes with utf-8-sig");
        var empty = assertThrows(RequestValidationException.class, () -> JsonBody.of(""));
        assertEquals("missing", empty.issues().get(0).type());
    }

    @Test
    void nestingPastTheLimitIsAnErrorAtTheBracketThatWentTooDeep() {
        String deep = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);
        var error = PythonJsonErrors.firstError(deep).orElseThrow();
        assertEquals(new PythonJsonErrors.Error(5 * PythonJsonErrors.MAX_DEPTH, PythonJsonErrors.TOO_DEEP), error);
        var e = assertThrows(RequestValidationException.class, () -> JsonBody.of("[".repeat(100_000)));
        assertEquals(
                List.of("body", (long) PythonJsonErrors.MAX_DEPTH),
                e.issues().get(0).loc());
        assertEquals("json_invalid", e.issues().get(0).type());
    }

    @Test
    void nestingUpToTheLimitIsRead() {
        String deepest =
                "{\"a\":".repeat(PythonJsonErrors.MAX_DEPTH - 1) + "[1]" + "}".repeat(PythonJsonErrors.MAX_DEPTH - 1);
        assertTrue(PythonJsonErrors.firstError(deepest).isEmpty());
        assertTrue(JsonBody.of(deepest).has("a"));
    }

    @Test
    void bytesThatAreNotUtf8AreABadRequest() {
        byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        var e = assertThrows(BadRequest.class, () -> JsonBody.parse(body));
        assertEquals(400, ErrorMapper.status(e.kind()));
        assertEquals("BadRequest", e.error());
        assertEquals("There was an error parsing the body", e.detail());
    }
}
