package dev.seatkeeper.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The {@code IdempotencyKey} schema in {@code META-INF/openapi.yaml} documents the bound {@link IdempotencyFilter}
 * enforces. The schema is written in the YAML file, not built from the constant (see {@link
 * IdempotencyKeyDocumentation}), so this test keeps the two from drifting apart.
 */
class IdempotencyKeyDocumentationTest {
    @Test
    void theDocumentedMaximumLengthIsTheOneEnforced() throws IOException {
        String yaml;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/openapi.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        var schema =
                Pattern.compile("\\n    IdempotencyKey:\\n((?:      .*\\n)+)").matcher(yaml);
        assertTrue(schema.find(), "openapi.yaml has an IdempotencyKey schema");
        var maxLength = Pattern.compile("maxLength: (\\d+)").matcher(schema.group(1));
        assertTrue(maxLength.find(), "the IdempotencyKey schema has a maxLength");
        assertEquals(IdempotencyFilter.MAX_KEY_LENGTH, Integer.parseInt(maxLength.group(1)));
        assertTrue(schema.group(1).contains("minLength: 1"), "an empty key is refused, and documented so");
    }
}
