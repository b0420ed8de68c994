package dev.seatkeeper.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The webhook figures operators watch (contract, "Operations"), read from the database at most once per
 * {@link SeatCounts#MAX_AGE}, so they are the same whichever instance is scraped: attempts recorded by outcome, the
 * backlog (events not yet handed to endpoints, and events pending at an endpoint) and the age of its oldest event.
 */
@ApplicationScoped
public class WebhookCounts {
    private static final Logger LOG = Logger.getLogger(WebhookCounts.class.getName());

    @Inject
    Database database;

    private long succeeded;
    private long failed;
    private long backlog;
    private double oldestPendingSeconds;
    private boolean known;
    private long readAt;

    /** Attempts recorded that succeeded ({@code true}) or failed; {@code NaN} when the database cannot be read. */
    public synchronized double deliveries(boolean succeeded) {
        refresh();
        return known ? (succeeded ? this.succeeded : failed) : Double.NaN;
    }

    /** Events waiting for delivery; {@code NaN} when unknown. */
    public synchronized double backlog() {
        refresh();
        return known ? backlog : Double.NaN;
    }

    /** Seconds since the oldest waiting event was recorded, 0 with none; {@code NaN} when unknown. */
    public synchronized double oldestPendingSeconds() {
        refresh();
        return known ? oldestPendingSeconds : Double.NaN;
    }

    private void refresh() {
        long now = System.nanoTime();
        if (readAt != 0 && now - readAt < SeatCounts.MAX_AGE.toNanos()) {
            return;
        }
        readAt = now;
        try (Connection connection = database.connect()) {
            succeeded = 0;
            failed = 0;
            try (PreparedStatement query = statement(
                            connection, "SELECT succeeded, COUNT(*) FROM webhook_deliveries GROUP BY succeeded");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (rows.getBoolean(1)) {
                        succeeded = rows.getLong(2);
                    } else {
                        failed = rows.getLong(2);
                    }
                }
            }
            backlog = 0;
            Timestamp oldest = null;
            for (String sql : new String[] {
                "SELECT COUNT(*), MIN(created_at) FROM events WHERE dispatched_at IS NULL",
                "SELECT COUNT(*), MIN(created_at) FROM webhook_events WHERE status = 'PENDING'"
            }) {
                try (PreparedStatement query = statement(connection, sql);
                        ResultSet row = query.executeQuery()) {
                    row.next();
                    backlog += row.getLong(1);
                    Timestamp min = row.getTimestamp(2);
                    if (min != null && (oldest == null || min.before(oldest))) {
                        oldest = min;
                    }
                }
            }
            // The columns hold UTC without a zone (as every timestamp of the schema).
            oldestPendingSeconds = oldest == null
                    ? 0
                    : Math.max(
                            0,
                            Duration.between(oldest.toLocalDateTime(), LocalDateTime.now(ZoneOffset.UTC))
                                            .toMillis()
                                    / 1000.0);
            known = true;
        } catch (SQLException | RuntimeException e) {
            known = false;
            LOG.log(Level.FINE, "Webhook figures could not be read", e);
        }
    }

    private static PreparedStatement statement(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setQueryTimeout(Database.QUERY_TIMEOUT_SECONDS);
        return statement;
    }
}
