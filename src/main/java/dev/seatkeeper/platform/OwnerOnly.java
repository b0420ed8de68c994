package dev.seatkeeper.platform;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Owner-only permissions for the files the service keeps (contract, "Security boundaries": the data directory
 * {@code 0700}, the database and secret files {@code 0600}), set explicitly so that the umask does not decide. On a
 * file system without POSIX permissions nothing is changed.
 */
final class OwnerOnly {
    private static final Logger LOG = Logger.getLogger(OwnerOnly.class.getName());
    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnly() {}

    /** Creates the directory (and missing parents) if needed, and gives it mode {@code 0700}. Raises IOException. */
    static void directory(Path directory) throws IOException {
        Files.createDirectories(directory);
        if (POSIX) {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** Gives an existing file mode {@code 0600}; a missing file is left missing. Logs instead of raising. */
    static void file(Path file) {
        if (!POSIX || !Files.exists(file)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not make " + file + " readable by its owner only", e);
        }
    }
}
