package dev.seatkeeper.platform;

import java.util.Optional;
import java.util.Set;

/**
 * Polar's API versions (contract, "API versions"; Polar's {@code APIVersionMiddleware}): Polar's SDK 1.x sends
 * {@code Polar-Version} on every call. The seat models are the same in every version, so the version only decides
 * whether a request is served at all and what is echoed back.
 */
public final class ApiVersions {
    /** The request and response header that carries the version. */
    public static final String HEADER = "Polar-Version";

    /** The version in effect when a request sends none, or an empty one (Polar's default). */
    public static final String DEFAULT = "2026-04";

    /** Every version this service answers; any other is 404 {@code {"detail":"Not Found"}}. */
    public static final Set<String> SUPPORTED = Set.of("2026-04", "2026-10", "2027-01");

    private ApiVersions() {}

    /**
     * The version a request asks for.
     *
     * @param header the {@code Polar-Version} header value as received, or null when absent
     * @return the supported version in effect ({@link #DEFAULT} for a missing or blank header), or empty for a
     *     version this service does not know
     */
    public static Optional<String> effective(String header) {
        if (header == null || header.isBlank()) {
            return Optional.of(DEFAULT);
        }
        String version = header.strip();
        return SUPPORTED.contains(version) ? Optional.of(version) : Optional.empty();
    }
}
