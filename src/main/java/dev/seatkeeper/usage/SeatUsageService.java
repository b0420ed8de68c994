package dev.seatkeeper.usage;

import dev.seatkeeper.platform.ResourceNotFound;
import dev.seatkeeper.platform.Timestamps;
import dev.seatkeeper.purchases.Order;
import dev.seatkeeper.purchases.Purchase;
import dev.seatkeeper.purchases.SeatContainer;
import dev.seatkeeper.purchases.Subscription;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The seat-usage ledger of a subscription or an order (contract, "Beyond Polar: capacity signals, seat usage and seat
 * metrics"), read from the seats' {@code created_at}, {@code claimed_at}, {@code revoked_at} and the recorded seat-count
 * changes: two indexed reads (the container's seats; its seat-count changes), whatever the window.
 */
@Stateless
public class SeatUsageService {
    /** The longest window: a year of days, or ten years of periods. */
    static final int MAX_DAYS = 366;

    static final int MAX_PERIOD_DAYS = 3660;

    @PersistenceContext
    EntityManager em;

    /** Which container a ledger is asked of. */
    public enum Kind {
        SUBSCRIPTION,
        ORDER
    }

    /**
     * The ledger rows of the container within {@code [from, to]} (UTC dates, {@code to} inclusive), one per day, or one
     * per billing period of a subscription cut to the window ({@code interval} {@code period}; an order has no
     * period, its window is one row). {@code from} defaults to the container's creation date (at most a year back),
     * {@code to} to today. Raises {@link ResourceNotFound} ("Subscription not found" / "Order not found") for an id
     * of another organization or none, 422 for a reversed or too long window.
     */
    public List<UsageRow> ledger(
            UUID organizationId,
            Kind kind,
            UUID containerId,
            Optional<LocalDate> from,
            Optional<LocalDate> to,
            String interval) {
        SeatContainer container = find(organizationId, kind, containerId);
        OffsetDateTime now = Timestamps.now();
        LocalDate last = to.orElse(now.toLocalDate());
        LocalDate first = from.orElseGet(() -> {
            LocalDate created = ((Purchase) container).createdAt().toLocalDate();
            LocalDate yearBack = last.minusDays(MAX_DAYS - 1);
            return created.isBefore(yearBack) ? yearBack : (created.isAfter(last) ? last : created);
        });
        long days = last.toEpochDay() - first.toEpochDay() + 1;
        if (days < 1 || days > ("day".equals(interval) ? MAX_DAYS : MAX_PERIOD_DAYS)) {
            throw QueryDates.tooLong(List.of(first.toString(), last.toString(), interval));
        }
        long start = SeatSpan.micros(first.atStartOfDay().atOffset(ZoneOffset.UTC));
        long end = SeatSpan.micros(last.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        List<SeatSpan> seats = seats(kind, containerId, start, end);
        SeatCountHistory counts = counts(container);
        long nowMicros = SeatSpan.micros(now);
        var rows = new ArrayList<UsageRow>();
        for (long[] bounds : bounds(container, interval, first, last)) {
            rows.add(UsageLedger.row(bounds[0], bounds[1], nowMicros, seats, counts));
        }
        return rows;
    }

    private SeatContainer find(UUID organizationId, Kind kind, UUID id) {
        if (kind == Kind.SUBSCRIPTION) {
            return Optional.ofNullable(em.find(Subscription.class, id))
                    .filter(s -> s.organizationId().equals(organizationId))
                    .orElseThrow(() -> new ResourceNotFound("Subscription not found"));
        }
        return Optional.ofNullable(em.find(Order.class, id))
                .filter(o -> o.organizationId().equals(organizationId))
                .orElseThrow(() -> new ResourceNotFound("Order not found"));
    }

    /** The row bounds in microseconds since the epoch: days, or the subscription's periods cut to the window. */
    private static List<long[]> bounds(SeatContainer container, String interval, LocalDate first, LocalDate last) {
        var bounds = new ArrayList<long[]>();
        OffsetDateTime windowStart = first.atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime windowEnd = last.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        if ("day".equals(interval)) {
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                bounds.add(new long[] {
                    SeatSpan.micros(d.atStartOfDay().atOffset(ZoneOffset.UTC)),
                    SeatSpan.micros(d.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC))
                });
            }
            return bounds;
        }
        if (!(container instanceof Subscription subscription)) {
            bounds.add(new long[] {SeatSpan.micros(windowStart), SeatSpan.micros(windowEnd)});
            return bounds;
        }
        // Periods are counted from the current one, k intervals away, so that month ends do not drift (Jan 31,
        // Feb 28, Mar 31).
        OffsetDateTime anchor = subscription.currentPeriodStart();
        boolean yearly = "year".equals(subscription.recurringInterval());
        long k = yearly
                ? windowStart.getYear() - anchor.getYear() - 1
                : (windowStart.getYear() - anchor.getYear()) * 12L
                        + windowStart.getMonthValue()
                        - anchor.getMonthValue()
                        - 1;
        while (shift(anchor, k + 1, yearly).compareTo(windowStart) <= 0) {
            k++;
        }
        while (shift(anchor, k, yearly).isAfter(windowStart)) {
            k--;
        }
        for (; shift(anchor, k, yearly).isBefore(windowEnd); k++) {
            OffsetDateTime a = max(shift(anchor, k, yearly), windowStart);
            OffsetDateTime b = min(shift(anchor, k + 1, yearly), windowEnd);
            bounds.add(new long[] {SeatSpan.micros(a), SeatSpan.micros(b)});
        }
        return bounds;
    }

    private static OffsetDateTime shift(OffsetDateTime anchor, long k, boolean yearly) {
        return yearly ? anchor.plusYears(k) : anchor.plusMonths(k);
    }

    private static OffsetDateTime max(OffsetDateTime a, OffsetDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static OffsetDateTime min(OffsetDateTime a, OffsetDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    /** The container's seats that were held at some time before {@code end} and after {@code start}. */
    private List<SeatSpan> seats(Kind kind, UUID containerId, long start, long end) {
        String column = kind == Kind.SUBSCRIPTION ? "subscription_id" : "order_id";
        List<?> rows = em.createNativeQuery("SELECT created_at, claimed_at, revoked_at FROM customer_seats WHERE "
                        + column + " = ?1 AND created_at < ?2 AND (revoked_at IS NULL OR revoked_at > ?3)")
                .setParameter(1, containerId)
                .setParameter(2, SeatSpan.instant(end).toLocalDateTime())
                .setParameter(3, SeatSpan.instant(start).toLocalDateTime())
                .getResultList();
        var spans = new ArrayList<SeatSpan>(rows.size());
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            spans.add(new SeatSpan(
                    SeatSpan.columnMicros(c[0]), SeatSpan.columnMicros(c[1]), SeatSpan.columnMicros(c[2])));
        }
        return spans;
    }

    private SeatCountHistory counts(SeatContainer container) {
        List<?> rows = em.createNativeQuery("SELECT changed_at, previous_seats, seats FROM seat_count_changes"
                        + " WHERE container_id = ?1 ORDER BY changed_at")
                .setParameter(1, container.id())
                .getResultList();
        var changes = new ArrayList<SeatCountHistory.Change>(rows.size());
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            changes.add(new SeatCountHistory.Change(
                    SeatSpan.columnMicros(c[0]), ((Number) c[1]).intValue(), ((Number) c[2]).intValue()));
        }
        return new SeatCountHistory(changes, container.seats());
    }
}
