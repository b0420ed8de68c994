package dev.seatkeeper.platform;

import java.util.List;

/**
 * One entry of a 422 body, in the shape Polar's pydantic validation emits:
 * {@code {"type": "missing", "loc": ["body", "email"], "msg": "Field required", "input": ...}}.
 */
public record ValidationIssue(String type, List<Object> loc, String msg, Object input) {

    public static ValidationIssue missing(List<Object> loc, Object input) {
        return new ValidationIssue("missing", loc, "Field required", input);
    }
}
