package dev.seatkeeper.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * The client's own {@code Accept}, which {@link GuardedRequest} keeps from the JAX-RS runtime (the API answers JSON
 * whatever is asked): the few routes that can also answer another type (NDJSON exports) ask here whether the client
 * prefers it.
 */
public final class Accepts {
    static final String ORIGINAL = Accepts.class.getName() + ".original";
    /** Newline-delimited JSON, the type of the exports (seat-usage ledgers, audit events). */
    public static final String NDJSON = "application/x-ndjson";

    private Accepts() {}

    /**
     * Whether {@code type} (such as {@code application/x-ndjson}) comes in the client's {@code Accept} before JSON and
     * before any wildcard; parameters and quality values are not weighed, as clients that ask for an export name it
     * alone.
     */
    public static boolean prefers(HttpServletRequest request, String type) {
        Object original = request.getAttribute(ORIGINAL);
        if (original == null) {
            return false;
        }
        for (String part : original.toString().split(",")) {
            String media = part.split(";")[0].strip().toLowerCase(Locale.ROOT);
            if (media.equals(type)) {
                return true;
            }
            if (media.equals("application/json") || media.endsWith("*")) {
                return false;
            }
        }
        return false;
    }
}
