package dev.seatkeeper.platform;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * One entry of a 422 body, in the shape Polar's pydantic validation emits:
 * {@code {"type": "missing", "loc": ["body", "email"], "msg": "Field required", "input": ...}}, with {@code ctx}
 * where pydantic gives one.
 */
public record ValidationIssue(String type, List<Object> loc, String msg, Object input, JsonObject ctx) {

    public ValidationIssue(String type, List<Object> loc, String msg, Object input) {
        this(type, loc, msg, input, null);
    }

    public static ValidationIssue missing(List<Object> loc, Object input) {
        return new ValidationIssue("missing", loc, "Field required", input);
    }
}
