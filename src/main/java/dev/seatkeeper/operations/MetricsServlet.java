package dev.seatkeeper.operations;

import dev.seatkeeper.platform.ErrorBody;
import dev.seatkeeper.platform.Settings;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * {@code GET /metrics}: Seatkeeper's meters in Prometheus text, for a scraper holding
 * {@code SEATKEEPER_METRICS_TOKEN} as a bearer token (contract, "Security boundaries": metrics are not public).
 * Without that key set, the path is a 404 like any unknown path; a missing or wrong token is a 401 with the
 * API's body; a method other than {@code GET} or {@code HEAD} is a 405.
 */
@WebServlet(urlPatterns = MetricsServlet.PATH)
public class MetricsServlet extends HttpServlet {
    /** The path under the application's context root. */
    public static final String PATH = "/metrics";

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    @Inject
    transient Settings settings;

    @Inject
    transient Meters meters;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> token = settings.metricsToken();
        if (token.isEmpty()) {
            json(response, 404, ErrorBody.of("ResourceNotFound", "Not Found"));
            return;
        }
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD");
            json(response, 405, ErrorBody.of("MethodNotAllowed", "Method Not Allowed"));
            return;
        }
        if (!holds(request.getHeader("Authorization"), token.get())) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
            json(response, 401, ErrorBody.of("Unauthorized", "Unauthorized"));
            return;
        }
        byte[] body = meters.scrape().getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType(PROMETHEUS_TEXT);
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        if ("GET".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    /** Compares in constant time, so that the answer's timing tells nothing about the token. */
    private static boolean holds(String authorization, String token) {
        if (authorization == null) {
            return false;
        }
        String[] parts = authorization.strip().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
            return false;
        }
        return MessageDigest.isEqual(
                parts[1].strip().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    private static void json(HttpServletResponse response, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
