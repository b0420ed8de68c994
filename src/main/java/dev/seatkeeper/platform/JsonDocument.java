package dev.seatkeeper.platform;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads a request body's bytes as one JSON object, refusing what FastAPI refuses with FastAPI's answers: the reader
 * half of {@link JsonBody}, which then reads the object's fields.
 */
final class JsonDocument {
    private static final JsonParserFactory PARSERS = Jsonp.PROVIDER.createParserFactory(null);

    private JsonDocument() {}

    /**
     * Parses a whole request body (UTF-8 bytes, an optional byte order mark) as a JSON object.
     *
     * @throws RequestValidationException 422: {@code missing} for no bytes, {@code json_invalid} where Python's
     *         decoder puts the first error (or where nesting passes {@link PythonJsonErrors#MAX_DEPTH}),
     *         {@code model_attributes_type} for JSON that is not an object
     * @throws BadRequest for bytes that are not UTF-8, FastAPI's answer to a body it cannot decode
     */
    static JsonObject readObject(byte[] bytes) {
        if (bytes.length == 0) {
            throw new RequestValidationException(ValidationIssue.missing(List.of("body"), null));
        }
        String text = utf8(bytes);
        if (text.startsWith("\uFEFF")) {
            // Python decodes JSON bytes with utf-8-sig: a byte order mark is not an error.
            text = text.substring(1);
        }
        // The scan runs first and in constant stack, so the parser below never meets malformed or deep input.
        var error = PythonJsonErrors.firstError(text);
        if (error.isPresent()) {
            throw malformed(error.get());
        }
        JsonValue value;
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            parser.next();
            value = parser.getValue();
        } catch (RuntimeException e) {
            // What Python accepts and JSON-P does not (NaN, Infinity, numbers beyond its range).
            throw malformed(new PythonJsonErrors.Error(0, "Expecting value"));
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw notAnObject(value);
        }
        return value.asJsonObject();
    }

    /**
     * The 422 for a body that is not a JSON object: pydantic's {@code model_attributes_type} at {@code ["body"]}
     * with the input as it came (a JSON value, or the text of a body sent with a content type other than JSON).
     */
    static RequestValidationException notAnObject(Object input) {
        return new RequestValidationException(new ValidationIssue(
                "model_attributes_type",
                List.of("body"),
                "Input should be a valid dictionary or object to extract fields from",
                input));
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BadRequest("There was an error parsing the body");
        }
    }

    /** FastAPI's json_invalid: located where Python's decoder locates the error, with its message as context. */
    private static RequestValidationException malformed(PythonJsonErrors.Error error) {
        return new RequestValidationException(new ValidationIssue(
                "json_invalid",
                List.of("body", (long) error.offset()),
                "JSON decode error",
                JsonValue.EMPTY_JSON_OBJECT,
                ErrorBody.JSON
                        .createObjectBuilder()
                        .add("error", error.message())
                        .build()));
    }
}
