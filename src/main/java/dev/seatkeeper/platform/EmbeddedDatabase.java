package dev.seatkeeper.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
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
 * <li>each commit is written to the database file before the commit returns ({@code SET WRITE_DELAY 0}); by default
 *     H2 writes committed changes in the background up to 500 ms later, and a killed process loses them. The default
 *     URL already says {@code WRITE_DELAY=0}; a URL of the operator's own may not;</li>
 * <li>the database file and its directory are readable by their owner only ({@code 0600}, {@code 0700}).</li>
 * </ul>
 * Other databases (PostgreSQL, or H2 over TCP or in memory) are left alone.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EmbeddedDatabase {
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());

    @PostConstruct
    void prepare() {
        try (Connection connection = ServiceDataSource.lookup().getConnection()) {
            var meta = connection.getMetaData();
            if (!"H2".equals(meta.getDatabaseProductName())) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET WRITE_DELAY 0");
            }
            Optional<Path> file = localFile(meta.getURL());
            if (file.isPresent()) {
                Path base = file.get().toAbsolutePath();
                OwnerOnly.directory(base.getParent());
                for (String suffix : new String[] {".mv.db", ".trace.db", ".lock.db"}) {
                    OwnerOnly.file(base.resolveSibling(base.getFileName() + suffix));
                }
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
