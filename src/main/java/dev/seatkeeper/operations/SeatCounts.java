package dev.seatkeeper.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How many seats are in each status, read from the database at most once per {@link #MAX_AGE}: counting means
 * reading every seat row, which a scrape every few seconds must not repeat each time.
 */
@ApplicationScoped
public class SeatCounts {
    /** Polar's seat statuses (contract, "Seats"): each has its gauge even while no seat has it. */
    public static final List<String> STATUSES = List.of("pending", "claimed", "revoked");
    /** How old a count may be when it is served. */
    static final Duration MAX_AGE = Duration.ofSeconds(10);

    private static final Logger LOG = Logger.getLogger(SeatCounts.class.getName());

    @Inject
    Database database;

    private Map<String, Long> counts = Map.of();
    private boolean known;
    private long readAt;

    /**
     * @param status a seat status in Polar's spelling ({@code pending}, {@code claimed}, {@code revoked})
     * @return the number of seats in that status, at most {@link #MAX_AGE} old; {@code NaN} when the database
     *         could not be read, Prometheus's way of saying "unknown"
     */
    public synchronized double count(String status) {
        long now = System.nanoTime();
        if (readAt == 0 || now - readAt >= MAX_AGE.toNanos()) {
            readAt = now;
            read();
        }
        return known ? counts.getOrDefault(status, 0L) : Double.NaN;
    }

    private void read() {
        try (Connection connection = database.connect();
                PreparedStatement query =
                        connection.prepareStatement("SELECT status, COUNT(*) FROM customer_seats GROUP BY status")) {
            query.setQueryTimeout(Database.QUERY_TIMEOUT_SECONDS);
            Map<String, Long> read = new HashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    // The column holds the enum's name (PENDING); the metrics use Polar's lower-case spelling.
                    read.put(rows.getString(1).toLowerCase(Locale.ROOT), rows.getLong(2));
                }
            }
            counts = Map.copyOf(read);
            known = true;
        } catch (SQLException | RuntimeException e) {
            known = false;
            LOG.log(Level.FINE, "Seat counts could not be read", e);
        }
    }
}
