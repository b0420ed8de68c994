package dev.seatkeeper.organizations;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The organization's seat e-mail domain policy (contract, "Beyond Polar: seat lifecycle"): a list of domains, empty
 * meaning any. An address is allowed when its domain, compared case-insensitively, is one of them exactly: a subdomain
 * matches only if it is listed itself.
 */
public final class SeatEmailDomains {
    /** At most this many domains, so that the stored list fits its column (4,000 characters). */
    public static final int MAX_DOMAINS = 15;

    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");

    private SeatEmailDomains() {}

    /**
     * The domains as stored: lower case, stripped, duplicates removed, in the given order. Returns the first value
     * that is not a domain name (letters, digits and hyphens in dot-separated labels, at least two labels) instead, as
     * the problem to report.
     */
    public static Result normalize(List<String> domains) {
        var normalized = new LinkedHashSet<String>();
        for (String domain : domains) {
            String d = domain.strip().toLowerCase(Locale.ROOT);
            if (!DOMAIN.matcher(d).matches()) {
                return new Result(List.of(), Optional.of(domain));
            }
            normalized.add(d);
        }
        return new Result(new ArrayList<>(normalized), Optional.empty());
    }

    /** Normalized domains, or the value that is not a domain. */
    public record Result(List<String> domains, Optional<String> invalid) {}

    /** The stored form: comma-separated, {@code null} for an empty list (any domain). */
    static String store(List<String> domains) {
        return domains.isEmpty() ? null : String.join(",", domains);
    }

    static List<String> load(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : List.of(stored.split(","));
    }

    /** The domain of an address: what follows its last {@code @}, lower case. */
    static String domainOf(String email) {
        return email.substring(email.lastIndexOf('@') + 1).strip().toLowerCase(Locale.ROOT);
    }
}
