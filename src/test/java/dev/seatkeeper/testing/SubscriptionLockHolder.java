package dev.seatkeeper.testing;

import dev.seatkeeper.platform.RowLock;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Test deployment only: holds a subscription's row lock, the one every seat change on it takes first, so that a
 * test can keep a request in flight for as long as it needs instead of hoping that the request is slow enough.
 */
@Stateless
public class SubscriptionLockHolder {
    /** How long a forgotten hold lasts at most, in seconds: below the database's lock timeout (10 s in tests). */
    static final int MAX_HOLD_SECONDS = 8;

    @PersistenceContext
    EntityManager em;

    /**
     * In a transaction of its own, on a container thread: locks the subscription's row, counts {@code held} down,
     * then keeps the lock until {@code release} is counted down or {@link #MAX_HOLD_SECONDS} have passed.
     */
    @Asynchronous
    public void hold(UUID subscriptionId, CountDownLatch held, CountDownLatch release) {
        RowLock.lockById(em, "subscriptions", subscriptionId);
        held.countDown();
        try {
            release.await(MAX_HOLD_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
