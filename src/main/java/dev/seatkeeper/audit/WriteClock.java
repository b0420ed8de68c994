package dev.seatkeeper.audit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The time a history entry is stamped with: the UTC wall clock in microseconds (the precision both databases keep),
 * but strictly later than the last time this server handed out. The chain is linked in the order of {@code at}
 * ({@link AuditChain}), so two entries recorded one after the other in one transaction (assigned, then claimed;
 * transferred_out, then transferred_in) keep that order even within one microsecond, and even though the JPA provider
 * may insert a transaction's new rows in any order.
 */
final class WriteClock {
    private static final AtomicLong LAST_MICROS = new AtomicLong();

    private WriteClock() {}

    /** The current UTC time as a wall time, at least one microsecond after the previous call's answer. */
    static LocalDateTime next() {
        Instant now = Instant.now();
        long micros = Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000L), now.getNano() / 1_000);
        long at = LAST_MICROS.accumulateAndGet(micros, (last, clock) -> Math.max(last + 1, clock));
        return LocalDateTime.ofEpochSecond(
                Math.floorDiv(at, 1_000_000L), (int) Math.floorMod(at, 1_000_000L) * 1_000, ZoneOffset.UTC);
    }
}
