package dev.seatkeeper.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * Makes committed changes durable in groups on the embedded H2 database (contract, "Operations": a 2xx answer means
 * the change is on disk), enabled by {@link EmbeddedDatabase} at start-up; a no-op on every other database, which
 * makes each commit durable itself.
 *
 * <p>Why: H2 writes a commit to its file either at once, one whole store of every changed page per commit (its
 * {@code WRITE_DELAY 0}), or later, in the background ({@code WRITE_DELAY} above 0), where a killed process loses
 * what was not yet written. The first made every write request wait in turn for a store of its own (a JFR recording
 * of the claim benchmark, bench/: request threads parked in {@code MVStore.commit} for 0.27 s on average).
 * Here commits stay in memory and a request that changed something waits, before its answer is sent, for a
 * {@code CHECKPOINT} (one store) that began after its commit: the first waiter runs it and every request that
 * committed before it began is covered by the same store, so one store serves a whole group of requests.
 */
@ApplicationScoped
public class GroupCommit {
    /** Commits announced so far: a waiter's number is taken after its transaction committed. */
    private final AtomicLong committed = new AtomicLong();

    private final ReentrantLock storing = new ReentrantLock();
    /** The highest commit number known to be on disk; read and written only while holding {@link #storing}. */
    private long durable;

    private volatile DataSource database;

    /** Turns group commits on for an embedded H2 database reached through {@code dataSource}. */
    void enable(DataSource dataSource) {
        this.database = dataSource;
    }

    /**
     * Returns once every transaction that committed before this call is written to the database file; at once when
     * group commits are off. Call it after the transaction committed and before the answer is sent.
     *
     * @throws IllegalStateException when the store fails (the disk is full or gone): the change may not survive a
     *                               crash, so it must not be answered as done
     */
    public void awaitDurable() {
        DataSource dataSource = database;
        if (dataSource == null) {
            return;
        }
        long mine = committed.incrementAndGet();
        storing.lock();
        try {
            if (durable >= mine) {
                return; // a store that began after this commit has finished
            }
            long covered = committed.get();
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("CHECKPOINT");
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "The embedded database could not write committed changes to its file", e);
            }
            durable = covered;
        } finally {
            storing.unlock();
        }
    }
}
