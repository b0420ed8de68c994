package dev.seatkeeper.platform;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;

/** Stored JSON documents (metadata) are kept as text and handed back as objects. */
public final class JsonText {
    private JsonText() {}

    public static String text(JsonObject object) {
        return object == null ? "{}" : object.toString();
    }

    public static JsonObject object(String text) {
        if (text == null || text.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (var reader = Jsonp.PROVIDER.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
