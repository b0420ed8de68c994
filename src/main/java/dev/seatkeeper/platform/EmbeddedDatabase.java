package dev.seatkeeper.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes the embedded H2 database fit to keep seats in, whatever URL the operator gave, once at start-up (contract,
 * "Operations" and "Security boundaries"):
 * <ul>
 * <li>every change answered 2xx is in the database file before its answer is sent: H2 writes commits in the
 *     background ({@code WRITE_DELAY}, {@value #WRITE_DELAY_MILLIS} ms here), and {@link GroupCommit} writes them at
 *     once, for a group of requests at a time, before they are answered. A killed process loses only changes that
 *     were never acknowledged;</li>
 * <li>the database file and its directory are readable by their owner only ({@code 0600}, {@code 0700}).</li>
 * </ul>
 * The first holds for H2 over TCP too (an H2 server of the operator's), the second for a file on this machine. Other
 * databases (PostgreSQL, H2 in memory) are left alone.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EmbeddedDatabase {
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());
    /**
     * H2's background write interval. Durability does not rest on it (answers wait for {@link GroupCommit}); it bounds
     * how long unanswered changes and H2's own bookkeeping stay in memory. The setting is kept in the database, so it
     * also replaces the {@code 0} (a store per commit) that earlier releases set.
     */
    static final int WRITE_DELAY_MILLIS = 500;

    @Inject
    GroupCommit groupCommit;

    @PostConstruct
    void prepare() {
        try (Connection connection = ServiceDataSource.lookup().getConnection()) {
            var meta = connection.getMetaData();
            if (!"H2".equals(meta.getDatabaseProductName())) {
                return;
            }
            Optional<Path> file = localFile(meta.getURL());
            if (file.isPresent()) {
                Path base = file.get().toAbsolutePath();
                OwnerOnly.directory(base.getParent());
                for (String suffix : new String[] {".mv.db", ".trace.db", ".lock.db"}) {
                    OwnerOnly.file(base.resolveSibling(base.getFileName() + suffix));
                }
            }
            if (!meta.getURL().startsWith("jdbc:h2:mem:")) {
                // Both need H2's admin right. Without it this throws: commits stay as the URL says (H2's default: in
                // the background, lost on a kill) and the warning below says so.
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CHECKPOINT");
                    statement.execute("SET WRITE_DELAY " + WRITE_DELAY_MILLIS);
                }
                groupCommit.enable(ServiceDataSource.lookup());
            }
        } catch (SQLException | IOException e) {
            // The service still runs; the operator reads why its data is less safe than it should be.
            LOG.log(Level.WARNING, "Could not make the embedded H2 database durable and owner-only", e);
        }
    }

    /**
     * Takes an H2 JDBC URL; returns the path of its database (without H2's file suffixes) when it is a file on this
     * machine, else empty (memory, TCP or SSL). {@code ~} stands for the user's home, as in H2.
     */
    static Optional<Path> localFile(String url) {
        String rest = url.substring("jdbc:h2:".length());
        int settings = rest.indexOf(';');
        rest = settings < 0 ? rest : rest.substring(0, settings);
        if (rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:") || rest.startsWith("zip:")) {
            return Optional.empty();
        }
        rest = rest.startsWith("file:") ? rest.substring("file:".length()) : rest;
        if (rest.startsWith("~")) {
            rest = System.getProperty("user.home") + rest.substring(1);
        }
        return rest.isEmpty() ? Optional.empty() : Optional.of(Path.of(rest));
    }
}
