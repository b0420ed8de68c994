package dev.seatkeeper.platform;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One kind of timed action (a subscription's period roll, a seat's scheduled revocation, ...) that the
 * {@link Scheduler} applies when it falls due. A feature plugs in its own kind by making a CDI bean that implements
 * this: the scheduler finds every such bean, and never needs to change for a new one.
 *
 * <p>Exactly once across instances (contract, "Beyond Polar, general rules for what follows"): every instance may be
 * handed the same due key, so {@link #apply} locks the row the action changes and checks again that it is still due
 * before acting; the second instance then finds it done and does nothing.
 */
public interface ScheduledWork {
    /** A short name for the log ("subscription period rolls"). */
    String name();

    /**
     * Keys of the actions due at {@code now} (UTC), in the order they fell due, at most {@code limit}. Read without
     * a lock: an action listed here may have been done meanwhile by another instance.
     */
    List<UUID> due(OffsetDateTime now, int limit);

    /**
     * Applies one due action in a transaction of its own, so that one failure holds back no other: locks its row,
     * and acts only if it is still due at {@code now}.
     *
     * @return whether it acted ({@code false}: done by another instance meanwhile, or no longer due)
     * @throws RuntimeException when the action failed; its transaction is rolled back and the next round tries again
     */
    boolean apply(UUID key, OffsetDateTime now);
}
