package dev.seatkeeper.platform;

import java.util.List;

/** Polar's paginated list body: {@code {"items": [...], "pagination": {"total_count", "max_page"}}}. */
public record ListResource<T>(List<T> items, Pagination pagination) {

    public record Pagination(long totalCount, long maxPage) {
    }

    public static <T> ListResource<T> of(List<T> items, long totalCount, PageRequest page) {
        long maxPage = totalCount == 0 ? 0 : (totalCount + page.limit() - 1) / page.limit();
        return new ListResource<>(items, new Pagination(totalCount, maxPage));
    }
}
