package dev.seatkeeper.purchases;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What the period clock and a scheduled decrease need of a subscription's seats (contract, "Beyond Polar: seat
 * changes on a schedule"), implemented by the seats feature. Every method runs in the caller's transaction, which
 * holds the subscription's row lock.
 */
public interface SeatLeavers {
    /**
     * How many seats would hold capacity at {@code at} (pending or claimed now, less those scheduled to be revoked by
     * then), not counting the leavers of the pending change (the caller is about to replace it).
     */
    long heldAt(Subscription subscription, OffsetDateTime at);

    /**
     * Schedules exactly these seats to leave at {@code at} for a decrease ({@code release_seat_ids}).
     *
     * @param needed how many must leave
     * @throws dev.seatkeeper.platform.RequestValidationException 422 at {@code ["body","release_seat_ids"]} when an id
     *         is not a pending or claimed seat of the subscription that is not leaving already, is repeated, or the
     *         number differs from {@code needed}
     */
    void release(Subscription subscription, List<UUID> seatIds, long needed, OffsetDateTime at);

    /** Unschedules the leavers named for the subscription's pending change (it is replaced or canceled). */
    void unrelease(Subscription subscription);

    /**
     * At the roll of the period that ended at {@code end}: revokes every seat of the subscription whose revocation was
     * due by then, each with its scheduled reason.
     */
    void revokeDue(Subscription subscription, OffsetDateTime end);

    /**
     * At the roll that lowers the seats to {@code seats}: revokes (reason {@code period_end}) as many of the seats
     * then held as exceed it, chosen by {@code strategy} ({@code pending_first} when null).
     */
    void releaseExcess(Subscription subscription, int seats, String strategy);
}
