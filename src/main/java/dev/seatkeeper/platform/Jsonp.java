package dev.seatkeeper.platform;

import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once. Each static {@code jakarta.json.Json.create...} call looks the provider up
 * again through a {@code ServiceLoader} search of the class path, where request threads under load have been seen
 * queued on the class loader's jar monitors. Use
 * {@code Jsonp.PROVIDER.create...} instead.
 */
public final class Jsonp {
    /** Thread-safe: a provider and the builders, readers and factories it makes need no look-up of their own. */
    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsonp() {}

    /** A JSON string, or JSON {@code null} for a null {@code value}. */
    public static JsonValue nullable(String value) {
        return value == null ? JsonValue.NULL : PROVIDER.createValue(value);
    }
}
