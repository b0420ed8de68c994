package dev.seatkeeper.platform;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.List;

/**
 * Polar's metadata rules (its {@code MetadataInputMixin}): at most 50 keys of up to 40 characters, each value a
 * string of up to 500 characters, a number or a boolean.
 */
final class JsonMetadata {
    private JsonMetadata() {}

    /** Records each rule {@code metadata}, found at {@code loc}, breaks: {@code too_long}, {@code string_too_long}, {@code string_type}. */
    static void check(JsonObject metadata, List<Object> loc, FieldIssues issues) {
        if (metadata.size() > 50) {
            issues.add(new ValidationIssue(
                    "too_long",
                    loc,
                    "Dictionary should have at most 50 items after validation, not " + metadata.size(),
                    metadata));
        }
        metadata.forEach((key, value) -> {
            var keyLoc = new ArrayList<>(loc);
            keyLoc.add(key);
            if (key.length() > 40) {
                var nameLoc = new ArrayList<Object>(keyLoc);
                nameLoc.add("[key]");
                issues.add(new ValidationIssue(
                        "string_too_long", List.copyOf(nameLoc), "String should have at most 40 characters", key));
            }
            switch (value.getValueType()) {
                case STRING -> {
                    if (((JsonString) value).getString().length() > 500) {
                        issues.add(new ValidationIssue(
                                "string_too_long",
                                List.copyOf(keyLoc),
                                "String should have at most 500 characters",
                                value));
                    }
                }
                case NUMBER, TRUE, FALSE -> {}
                default ->
                    issues.add(new ValidationIssue(
                            "string_type",
                            List.copyOf(keyLoc),
                            "Input should be a valid string, integer, number or boolean",
                            value));
            }
        });
    }
}
