package dev.seatkeeper.platform;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * Response records are written with snake_case keys and with every null present: Polar's SDK rejects a
 * response that omits a nullable key.
 */
@Provider
public class JsonbConfigurator implements ContextResolver<Jsonb> {
    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withNullValues(true)
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
            .withSerializers(new TimestampSerializer()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }

    public static Jsonb jsonb() {
        return JSONB;
    }
}
