package dev.seatkeeper.reclaim;

import dev.seatkeeper.seats.SeatResponses.CustomerSeatResponse;
import java.time.OffsetDateTime;
import java.util.List;

/** The bodies of the activity and preview routes (Beyond Polar). */
public final class ReclaimResponses {
    private ReclaimResponses() {}

    /** {@code {"accepted": n, "ignored": [{"index", "reason"}]}}. */
    public record ActivityResponse(int accepted, List<ActivityService.Ignored> ignored) {
        static ActivityResponse of(ActivityService.Outcome outcome) {
            return new ActivityResponse(outcome.accepted(), outcome.ignored());
        }
    }

    /** {@code {"items": [{"seat": CustomerSeat, "action": "warn"|"reclaim", "at"}]}}. */
    public record PreviewResponse(List<PreviewItem> items) {
        static PreviewResponse of(List<ReclaimPreview.Item> items) {
            return new PreviewResponse(items.stream()
                    .map(i -> new PreviewItem(CustomerSeatResponse.of(i.seat()), i.action(), i.at()))
                    .toList());
        }
    }

    public record PreviewItem(CustomerSeatResponse seat, String action, OffsetDateTime at) {}
}
