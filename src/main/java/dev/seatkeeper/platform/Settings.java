package dev.seatkeeper.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The service's configuration, read once through MicroProfile Config (each key is also an environment variable;
 * defaults are in META-INF/microprofile-config.properties).
 */
@ApplicationScoped
public class Settings {
    private static final Logger LOG = Logger.getLogger(Settings.class.getName());

    private Optional<String> adminToken;
    private byte[] secret;
    private Duration invitationTtl;
    private Duration sessionTtl;
    private Duration cleanupInterval;
    private Duration schedulerInterval;
    private String publicUrl;
    private Optional<Smtp> smtp;
    private Optional<String> metricsToken;
    private boolean expiredInvitationsHoldSeats;
    private ApiVersions apiVersions;

    /** Where invitations are sent from; present only when a host is configured. */
    public record Smtp(String host, int port, Optional<String> username, Optional<String> password, String from) {}

    @PostConstruct
    void load() {
        Config config = ConfigProvider.getConfig();
        adminToken =
                config.getOptionalValue("SEATKEEPER_ADMIN_TOKEN", String.class).filter(s -> !s.isBlank());
        invitationTtl = Duration.parse(config.getOptionalValue("SEATKEEPER_INVITATION_TTL", String.class)
                .orElse("P1D"));
        sessionTtl = Duration.parse(
                config.getOptionalValue("SEATKEEPER_SESSION_TTL", String.class).orElse("PT1H"));
        cleanupInterval = Duration.parse(config.getOptionalValue("SEATKEEPER_CLEANUP_INTERVAL", String.class)
                .orElse("PT10M"));
        schedulerInterval = Duration.parse(config.getOptionalValue("SEATKEEPER_SCHEDULER_INTERVAL", String.class)
                .orElse("PT1M"));
        publicUrl = stripTrailingSlash(
                config.getOptionalValue("SEATKEEPER_PUBLIC_URL", String.class).orElse("http://localhost:8080"));
        URI.create(publicUrl);
        Path dataDir = Path.of(
                config.getOptionalValue("SEATKEEPER_DATA_DIR", String.class).orElse("data"));
        secret = config.getOptionalValue("SEATKEEPER_SECRET", String.class)
                .filter(s -> !s.isBlank())
                .map(s -> s.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> storedSecret(dataDir.resolve("secret")));
        smtp = config.getOptionalValue("SEATKEEPER_SMTP_HOST", String.class)
                .filter(s -> !s.isBlank())
                .map(host -> new Smtp(
                        host,
                        config.getOptionalValue("SEATKEEPER_SMTP_PORT", Integer.class)
                                .orElse(25),
                        config.getOptionalValue("SEATKEEPER_SMTP_USERNAME", String.class)
                                .filter(s -> !s.isBlank()),
                        config.getOptionalValue("SEATKEEPER_SMTP_PASSWORD", String.class)
                                .filter(s -> !s.isBlank()),
                        config.getOptionalValue("SEATKEEPER_SMTP_FROM", String.class)
                                .orElse("seatkeeper@localhost")));
        metricsToken = config.getOptionalValue("SEATKEEPER_METRICS_TOKEN", String.class)
                .filter(s -> !s.isBlank());
        expiredInvitationsHoldSeats = config.getOptionalValue(
                        "SEATKEEPER_EXPIRED_INVITATIONS_HOLD_SEATS", Boolean.class)
                .orElse(true);
        apiVersions = apiVersions(config);
        if (adminToken.isEmpty()) {
            LOG.warning("SEATKEEPER_ADMIN_TOKEN is not set: organizations and access tokens cannot be created.");
        }
    }

    /**
     * The API versions (contract, "API versions"). The defaults of the deprecated versions and their sunset dates are
     * in META-INF/microprofile-config.properties only (a sunset key names its version); {@code none} turns either off.
     *
     * @throws IllegalStateException with the settings' own words when they cannot be served; thrown at start-up
     *     ({@link StartupChecks}), it stops the deployment
     */
    private static ApiVersions apiVersions(Config config) {
        try {
            return ApiVersions.of(
                    config.getOptionalValue("SEATKEEPER_API_VERSIONS", String.class)
                            .orElse("2026-04,2026-10,2027-01"),
                    config.getOptionalValue("SEATKEEPER_API_VERSION_DEFAULT", String.class)
                            .orElse("2026-10"),
                    config.getOptionalValue("SEATKEEPER_API_VERSIONS_DEPRECATED", String.class)
                            .orElse(""),
                    key -> config.getOptionalValue(key, String.class));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Seatkeeper cannot start: " + e.getMessage(), e);
        }
    }

    /** The HMAC key must survive restarts, or every stored token hash would stop matching. */
    private static byte[] storedSecret(Path file) {
        try {
            // The data directory is the owner's only (0700), created so or tightened, whoever created it first.
            OwnerOnly.directory(file.toAbsolutePath().getParent());
            if (Files.exists(file)) {
                OwnerOnly.file(file);
                return Files.readString(file, StandardCharsets.US_ASCII).strip().getBytes(StandardCharsets.US_ASCII);
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "secret", ".tmp");
            Files.writeString(tmp, encoded, StandardCharsets.US_ASCII);
            OwnerOnly.file(tmp);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                Files.deleteIfExists(tmp);
            }
            LOG.info("Generated the token-hashing secret at " + file.toAbsolutePath());
            return Files.readString(file, StandardCharsets.US_ASCII).strip().getBytes(StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read or create the secret at " + file.toAbsolutePath()
                            + "; set SEATKEEPER_SECRET or make the data directory writable",
                    e);
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * The served API versions, the default one and the deprecated ones ({@code SEATKEEPER_API_VERSIONS},
     * {@code SEATKEEPER_API_VERSION_DEFAULT}, {@code SEATKEEPER_API_VERSIONS_DEPRECATED},
     * {@code SEATKEEPER_API_VERSION_SUNSET_<version>}; contract, "API versions").
     */
    public ApiVersions apiVersions() {
        return apiVersions;
    }

    public Optional<String> adminToken() {
        return adminToken;
    }

    public byte[] secret() {
        return secret.clone();
    }

    public Duration invitationTtl() {
        return invitationTtl;
    }

    public Duration sessionTtl() {
        return sessionTtl;
    }

    /**
     * How often expired rows (sessions, idempotency records) are deleted: {@code SEATKEEPER_CLEANUP_INTERVAL}, ISO-8601,
     * default 10 minutes.
     */
    public Duration cleanupInterval() {
        return cleanupInterval;
    }

    /**
     * How often due scheduled changes (period rolls, scheduled and time-boxed revocations) are applied:
     * {@code SEATKEEPER_SCHEDULER_INTERVAL}, ISO-8601, default 1 minute (contract, "Configuration").
     */
    public Duration schedulerInterval() {
        return schedulerInterval;
    }

    public String publicUrl() {
        return publicUrl;
    }

    public Optional<Smtp> smtp() {
        return smtp;
    }

    /**
     * The bearer token that opens the metrics endpoint; empty when unset, and then metrics are not served at all
     * (contract, "Security boundaries": metrics require a token).
     */
    public Optional<String> metricsToken() {
        return metricsToken;
    }

    /**
     * {@code SEATKEEPER_EXPIRED_INVITATIONS_HOLD_SEATS} (default {@code true}, as Polar): whether a pending seat whose
     * invitation has expired still counts against its container's capacity (contract, "Beyond Polar: seat lifecycle").
     */
    public boolean expiredInvitationsHoldSeats() {
        return expiredInvitationsHoldSeats;
    }
}
