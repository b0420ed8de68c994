package dev.seatkeeper.testing;

import dev.seatkeeper.seats.SeatClaimService;
import jakarta.ejb.AsyncResult;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Test deployment only: runs a claim inside a transaction of its own and keeps that transaction open after the claim
 * has done its work, so that a test can show what a second claim does while the first one still holds every lock it
 * took (contract, "Performance shape": a claim locks only its seat).
 */
@Stateless
public class ClaimHolder {
    /** How long a forgotten hold lasts at most, in seconds: below the database's lock timeout (10 s in tests). */
    static final int MAX_HOLD_SECONDS = 8;

    @EJB
    SeatClaimService claims;

    /**
     * On a container thread, in a new transaction: claims the invitation token (the claim joins this transaction),
     * counts {@code held} down, then keeps the transaction open until {@code release} is counted down or {@link
     * #MAX_HOLD_SECONDS} have passed, and commits.
     *
     * @return whether the hold was released by the test (true) rather than by its time running out (false)
     */
    @Asynchronous
    public Future<Boolean> claimAndHold(String token, CountDownLatch held, CountDownLatch release) {
        claims.claim(token);
        held.countDown();
        try {
            return new AsyncResult<>(release.await(MAX_HOLD_SECONDS, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new AsyncResult<>(false);
        }
    }
}
