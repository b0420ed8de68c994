package dev.seatkeeper.usage;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * One row of the seat-usage ledger (contract, "Beyond Polar: capacity signals, seat usage and seat metrics").
 *
 * @param start first instant of the row (UTC)
 * @param end the instant after the row (UTC, exclusive)
 * @param seats the most seats bought at any time within the row
 * @param peakAssigned the most seats held (pending or claimed) at once within the row
 * @param peakClaimed the most seats claimed at once within the row
 * @param seatDaysAssigned the time seats were held within the row, summed over seats, in days (three decimals)
 * @param seatDaysClaimed the same for claimed seats
 */
public record UsageRow(
        OffsetDateTime start,
        OffsetDateTime end,
        int seats,
        int peakAssigned,
        int peakClaimed,
        BigDecimal seatDaysAssigned,
        BigDecimal seatDaysClaimed) {}
