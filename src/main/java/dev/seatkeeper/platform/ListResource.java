package dev.seatkeeper.platform;

import java.util.List;

/** Polar's paginated list body: {@code {"items": [...], "pagination": {"total_count", "max_page"}}}. */
public record ListResource<T>(List<T> items, Pagination pagination) {

    public record Pagination(long totalCount, long maxPage) {}

    /** The body of {@code page}, read with {@code request}: {@code max_page} is 0 for an empty list. */
    public static <T> ListResource<T> of(Page<T> page, PageRequest request) {
        long total = page.totalCount();
        long maxPage = total == 0 ? 0 : (total + request.limit() - 1) / request.limit();
        return new ListResource<>(page.items(), new Pagination(total, maxPage));
    }
}
