package dev.seatkeeper.platform;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonValue;
import java.util.Collection;

/** The text of Polar's error bodies, for every writer of one: the error mapper, the edge filter, the error page. */
public final class ErrorBody {
    static final JsonBuilderFactory JSON = Jsonp.PROVIDER.createBuilderFactory(null);

    private ErrorBody() {}

    /** The JSON text (UTF-8 when written) for the error name and its human-readable detail. */
    public static String of(String error, String detail) {
        return JSON.createObjectBuilder()
                .add("error", error)
                .add("detail", detail)
                .build()
                .toString();
    }

    /** The text of Polar's 422 body: {@code {"error": "RequestValidationError", "detail": [issues...]}}. */
    public static String of(RequestValidationException invalid) {
        JsonArrayBuilder detail = JSON.createArrayBuilder();
        for (ValidationIssue issue : invalid.issues()) {
            JsonArrayBuilder loc = JSON.createArrayBuilder();
            issue.loc().forEach(part -> {
                if (part instanceof Number n) {
                    loc.add(n.longValue());
                } else {
                    loc.add(String.valueOf(part));
                }
            });
            var item = JSON.createObjectBuilder()
                    .add("type", issue.type())
                    .add("loc", loc)
                    .add("msg", issue.msg())
                    .add("input", toJson(issue.input()));
            if (issue.ctx() != null) {
                item.add("ctx", issue.ctx());
            }
            detail.add(item);
        }
        return JSON.createObjectBuilder()
                .add("error", "RequestValidationError")
                .add("detail", detail)
                .build()
                .toString();
    }

    private static JsonValue toJson(Object input) {
        if (input == null) {
            return JsonValue.NULL;
        }
        if (input instanceof JsonValue v) {
            return v;
        }
        if (input instanceof Number n) {
            return Jsonp.PROVIDER.createValue(n.longValue());
        }
        if (input instanceof Collection<?> items) {
            // pydantic echoes a list input as a list (release_seat_ids), not as its text.
            var array = Jsonp.PROVIDER.createArrayBuilder();
            items.forEach(item -> array.add(toJson(item)));
            return array.build();
        }
        return Jsonp.PROVIDER.createValue(String.valueOf(input));
    }
}
