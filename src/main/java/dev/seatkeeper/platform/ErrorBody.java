package dev.seatkeeper.platform;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;

/** The text of Polar's error body, {@code {"error": "<ErrorName>", "detail": "<message>"}}, for every writer of one. */
public final class ErrorBody {
    /** Looked up once: each {@code Json.createObjectBuilder} call would search the class path for a provider. */
    static final JsonBuilderFactory JSON = Json.createBuilderFactory(null);

    private ErrorBody() {
    }

    /** The JSON text (UTF-8 when written) for the error name and its human-readable detail. */
    public static String of(String error, String detail) {
        return JSON.createObjectBuilder().add("error", error).add("detail", detail).build().toString();
    }
}
