package dev.seatkeeper.seats;

import dev.seatkeeper.platform.PageRequest;
import dev.seatkeeper.platform.RequestValidationException;
import dev.seatkeeper.platform.ValidationIssue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which seats of a container a list shows: one status or all, one page or all. Without {@code page} and {@code limit}
 * every seat is listed, as Polar's SDK expects of these routes; with either, Polar's paging applies (limit 10 by
 * default, at most 100). Contract, "Security boundaries": seat lists are paged and can leave revoked seats out.
 */
public record SeatListQuery(Optional<SeatStatus> status, Optional<PageRequest> page) {

    /**
     * Reads the {@code status}, {@code page} and {@code limit} query parameters (each may be {@code null}).
     * Raises 422 ({@code enum} at {@code ["query", "status"]}, or Polar's paging issues) for a value it cannot read.
     */
    public static SeatListQuery of(String status, String page, String limit) {
        Optional<PageRequest> paging =
                page == null && limit == null ? Optional.empty() : Optional.of(PageRequest.of(page, limit));
        if (status == null || status.isEmpty()) {
            return new SeatListQuery(Optional.empty(), paging);
        }
        SeatStatus wanted = Arrays.stream(SeatStatus.values())
                .filter(s -> s.wireName().equals(status))
                .findFirst()
                .orElseThrow(() -> new RequestValidationException(List.of(new ValidationIssue(
                        "enum",
                        List.of("query", "status"),
                        "Input should be 'pending', 'claimed' or 'revoked'",
                        status))));
        return new SeatListQuery(Optional.of(wanted), paging);
    }
}
