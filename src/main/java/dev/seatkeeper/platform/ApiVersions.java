package dev.seatkeeper.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The {@code Polar-Version} values this service answers (contract, "API versions"; Polar's
 * {@code APIVersionMiddleware}): Polar's SDK 1.x sends the header on every call; a request without it gets the default
 * version. The seat models are the same in every version, so the version decides whether a request is served at all,
 * what is echoed back, which headers announce a deprecated version, and the {@code api_version} of webhooks.
 *
 * <p>Immutable; made once from the settings by {@link #of}, which refuses a set that cannot be served.
 */
public final class ApiVersions {
    /** The request and response header that carries the version. */
    public static final String HEADER = "Polar-Version";

    /** Polar's versions are months, {@code YYYY-MM}, and sort as text in the order they were released. */
    private static final Pattern VERSION = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

    /**
     * The value that sets "no version" or "no date": an empty environment variable cannot, since MicroProfile Config
     * then falls back to the default in META-INF/microprofile-config.properties (seen on Payara).
     */
    public static final String NONE = "none";

    /** HTTP's date format (RFC 9110, IMF-fixdate), with a two-digit day as the RFC requires. */
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);

    private final List<String> served;
    private final String defaultVersion;
    private final Map<String, Deprecation> deprecated;

    /**
     * What a deprecated version's answers announce.
     *
     * @param since the instant the version was deprecated: midnight UTC of the first day of the next served version
     * @param sunset the announced end, midnight UTC of the sunset date; empty when none is configured
     */
    public record Deprecation(Instant since, Optional<Instant> sunset) {
        /** {@code Deprecation} header value (RFC 9745): {@code @} and the instant in unix seconds. */
        public String deprecationHeader() {
            return "@" + since.getEpochSecond();
        }

        /** {@code Sunset} header value (RFC 8594): an HTTP date, when a sunset date is configured. */
        public Optional<String> sunsetHeader() {
            return sunset.map(instant -> HTTP_DATE.format(instant.atOffset(ZoneOffset.UTC)));
        }
    }

    private ApiVersions(List<String> served, String defaultVersion, Map<String, Deprecation> deprecated) {
        this.served = served;
        this.defaultVersion = defaultVersion;
        this.deprecated = deprecated;
    }

    /**
     * The versions as the settings give them (contract, "API versions" and "Configuration").
     *
     * @param served {@code SEATKEEPER_API_VERSIONS}: comma-separated {@code YYYY-MM} versions
     * @param defaultVersion {@code SEATKEEPER_API_VERSION_DEFAULT}: one of {@code served}
     * @param deprecatedVersions {@code SEATKEEPER_API_VERSIONS_DEPRECATED}: comma-separated; empty or {@link #NONE} for
     *     none; a version that is not served is ignored (it is answered 404 anyway)
     * @param sunset the sunset date ({@code YYYY-MM-DD}) of a deprecated version, from
     *     {@code SEATKEEPER_API_VERSION_SUNSET_<version with _>}; empty or {@link #NONE} for none
     * @return the versions to serve
     * @throws IllegalArgumentException with a message naming the setting, when a version is malformed, no version is
     *     served, the default is not served, a deprecated version has no later served version (its deprecation
     *     instant is the day that one became current), or a sunset date is malformed
     */
    public static ApiVersions of(
            String served,
            String defaultVersion,
            String deprecatedVersions,
            Function<String, Optional<String>> sunset) {
        var versions = new TreeSet<String>();
        for (String version : list(served)) {
            if (!VERSION.matcher(version).matches()) {
                throw new IllegalArgumentException(
                        "SEATKEEPER_API_VERSIONS: '" + version + "' is not an API version (YYYY-MM, e.g. 2026-10)");
            }
            versions.add(version);
        }
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("SEATKEEPER_API_VERSIONS is empty: at least one version must be served");
        }
        String dflt = defaultVersion == null ? "" : defaultVersion.strip();
        if (!versions.contains(dflt)) {
            throw new IllegalArgumentException("SEATKEEPER_API_VERSION_DEFAULT '" + dflt
                    + "' is not one of the served versions SEATKEEPER_API_VERSIONS=" + String.join(",", versions)
                    + ": add it to SEATKEEPER_API_VERSIONS or choose a served version as the default");
        }
        var deprecations = new LinkedHashMap<String, Deprecation>();
        for (String version : list(deprecatedVersions)) {
            if (version.equalsIgnoreCase(NONE) || !versions.contains(version)) {
                continue;
            }
            String next = versions.higher(version);
            if (next == null) {
                throw new IllegalArgumentException("SEATKEEPER_API_VERSIONS_DEPRECATED: '" + version
                        + "' is the newest served version; a version is deprecated from the day a later one became"
                        + " current, so serve a later version too");
            }
            Instant since = YearMonth.parse(next).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            String key = sunsetKey(version);
            Optional<Instant> sunsetAt = sunset.apply(key)
                    .map(String::strip)
                    .filter(s -> !s.isEmpty() && !s.equalsIgnoreCase(NONE))
                    .map(date -> {
                        try {
                            return LocalDate.parse(date).atStartOfDay().toInstant(ZoneOffset.UTC);
                        } catch (DateTimeParseException e) {
                            throw new IllegalArgumentException(key + ": '" + date + "' is not a date (YYYY-MM-DD)", e);
                        }
                    });
            deprecations.put(version, new Deprecation(since, sunsetAt));
        }
        return new ApiVersions(List.copyOf(versions), dflt, Map.copyOf(deprecations));
    }

    /** The setting that holds a version's sunset date: {@code SEATKEEPER_API_VERSION_SUNSET_2026_04} for 2026-04. */
    public static String sunsetKey(String version) {
        return "SEATKEEPER_API_VERSION_SUNSET_" + version.replace('-', '_');
    }

    private static List<String> list(String commaSeparated) {
        var values = new ArrayList<String>();
        if (commaSeparated != null) {
            for (String value : commaSeparated.split(",")) {
                if (!value.isBlank()) {
                    values.add(value.strip());
                }
            }
        }
        return values;
    }

    /**
     * The version a request asks for.
     *
     * @param header the {@code Polar-Version} header value as received, or null when absent
     * @return the served version in effect (the default for a missing or blank header), or empty for a version this
     *     service does not serve
     */
    public Optional<String> effective(String header) {
        if (header == null || header.isBlank()) {
            return Optional.of(defaultVersion);
        }
        String version = header.strip();
        return served.contains(version) ? Optional.of(version) : Optional.empty();
    }

    /** The served versions, oldest first. */
    public List<String> served() {
        return served;
    }

    /** The version of a request without {@code Polar-Version}. */
    public String defaultVersion() {
        return defaultVersion;
    }

    /** What answers to {@code version} announce, when it is deprecated; empty otherwise. */
    public Optional<Deprecation> deprecation(String version) {
        return Optional.ofNullable(deprecated.get(version));
    }

    /** Whether {@code version} came out after {@code than} (both served versions). */
    public static boolean isLater(String version, String than) {
        return version.compareTo(than) > 0;
    }
}
