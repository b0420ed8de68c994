package dev.seatkeeper.entitlements;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * {@code SEATKEEPER_ENTITLEMENT_TTL} (default {@code P7D}: how long an entitlement token lives, and how long a key
 * is published before it signs and after it stopped) and {@code SEATKEEPER_ENTITLEMENT_KEY_ROTATION} (default
 * {@code P90D}: how long a key signs before the next one takes over); ISO-8601 durations (contract, "Configuration").
 * Read once at start-up; a value that is not a positive duration stops the deployment.
 */
@ApplicationScoped
public class EntitlementSettings {
    private Duration ttl;
    private Duration rotation;

    @PostConstruct
    void load() {
        var config = ConfigProvider.getConfig();
        ttl = positive(
                "SEATKEEPER_ENTITLEMENT_TTL",
                config.getOptionalValue("SEATKEEPER_ENTITLEMENT_TTL", String.class)
                        .orElse("P7D"));
        rotation = positive(
                "SEATKEEPER_ENTITLEMENT_KEY_ROTATION",
                config.getOptionalValue("SEATKEEPER_ENTITLEMENT_KEY_ROTATION", String.class)
                        .orElse("P90D"));
    }

    private static Duration positive(String key, String text) {
        Duration value;
        try {
            value = Duration.parse(text.strip());
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "Seatkeeper cannot start: " + key + " is not an ISO-8601 duration: " + text);
        }
        if (value.isZero() || value.isNegative()) {
            throw new IllegalStateException("Seatkeeper cannot start: " + key + " must be positive: " + text);
        }
        return value;
    }

    /** Lifetime of an entitlement token, and the publication margin of keys before and after they sign. */
    public Duration ttl() {
        return ttl;
    }

    /** How long one key signs before the next one takes over. */
    public Duration rotation() {
        return rotation;
    }
}
