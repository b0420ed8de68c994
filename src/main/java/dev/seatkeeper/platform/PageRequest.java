package dev.seatkeeper.platform;

import java.util.ArrayList;
import java.util.List;

/** {@code page} (from 1) and {@code limit} (from 1, served up to 100) query parameters, as Polar's list endpoints take them. */
public record PageRequest(int page, int limit) {
    public static final int MAX_LIMIT = 100;

    /**
     * The index of the page's first item, for {@code setFirstResult}. A page far past any table's end (up to
     * {@code page} 2,147,483,647 × {@code limit} 100) would overflow an int; it is held just under the limit where the
     * query still gives the same empty page, with room for the provider's own {@code first + max} arithmetic.
     */
    public int offset() {
        return (int) Math.min((page - 1L) * limit, Integer.MAX_VALUE - MAX_LIMIT);
    }

    public static PageRequest of(String page, String limit) {
        var issues = new ArrayList<ValidationIssue>();
        int p = parse("page", page, 1, Integer.MAX_VALUE, 1, issues);
        // Polar takes any positive limit and serves at most 100 items a page.
        int l = Math.min(MAX_LIMIT, parse("limit", limit, 10, Integer.MAX_VALUE, 1, issues));
        if (!issues.isEmpty()) {
            throw new RequestValidationException(issues);
        }
        return new PageRequest(p, l);
    }

    private static int parse(String name, String text, int fallback, int max, int min, List<ValidationIssue> issues) {
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            issues.add(new ValidationIssue(
                    "int_parsing",
                    List.of("query", name),
                    "Input should be a valid integer, unable to parse string as an integer",
                    text));
            return fallback;
        }
        if (value < min) {
            issues.add(new ValidationIssue(
                    "greater_than", List.of("query", name), "Input should be greater than " + (min - 1), text));
        } else if (value > max) {
            issues.add(new ValidationIssue(
                    "less_than_equal", List.of("query", name), "Input should be less than or equal to " + max, text));
        }
        return value;
    }
}
