package dev.seatkeeper.pages;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The page files (src/main/resources/pages), read once from the class path, and the headers every page answer carries:
 * a strict {@code Content-Security-Policy} (scripts, styles and API calls from this origin only, nothing inline, no
 * frames, no forms posted anywhere), no referrer (a token in the address must not travel to another site), no
 * sniffing, and no caching of the HTML (it is the door to a session).
 */
final class PageFiles {
    /** Contract, "Web pages": a restrictive policy; every script and style is a file of this origin. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final Map<String, byte[]> FILES = new ConcurrentHashMap<>();

    private PageFiles() {}

    /** A page or asset answer: {@code name} is a file of the pages folder, {@code type} its media type. */
    static Response answer(String name, String type, boolean cacheable) {
        var cache = new CacheControl();
        if (cacheable) {
            cache.setMaxAge(300);
        } else {
            cache.setNoStore(true);
        }
        return Response.ok(FILES.computeIfAbsent(name, PageFiles::read), type + "; charset=utf-8")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .cacheControl(cache)
                .build();
    }

    private static byte[] read(String name) {
        try (InputStream in = PageFiles.class.getResourceAsStream("/pages/" + name)) {
            if (in == null) {
                throw new IllegalStateException("The page file " + name + " is missing from the WAR");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
