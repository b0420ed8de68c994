package dev.seatkeeper.platform;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The first thing every request meets in the application (contract, "Edge behaviour"): it gets its request id
 * ({@link RequestIds}: echoed, and logged in one line when it is answered: {@link RequestLog}); a body declared
 * larger than 1 MiB is answered 413 before anything else, unread (a chunked body, of unknown length, is read ahead
 * whole, at most 1 MiB, and answered 413 likewise when it is longer); then an unknown {@code Polar-Version} ({@link ApiVersions}) is
 * 404, and every other answer echoes the version in effect (with {@code Deprecation}, {@code Sunset} and {@code Link}
 * when that version is deprecated); {@code OPTIONS} is 405; a path that does not decode ({@link RequestTarget}) is 404
 * and such a query parameter 422; every other request goes on as a
 * {@link GuardedRequest}, whose body is bounded in size and time and whose {@code Content-Type} the JAX-RS runtime
 * can parse.
 *
 * <p>After a 413, and after any answer given with part of a declared body unread, the rest of the upload is read and
 * thrown away (up to {@link #DISCARD_BYTES}, within the body's deadline) so that the client, still sending, receives
 * the answer instead of a connection reset. A client that asks {@code Expect: 100-continue} is sent the 100 before
 * anything else, on both servers, and its body is then treated as any other.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST, asyncSupported = true)
public class RequestEdgeFilter extends HttpFilter {
    /** The most of a refused upload that is discarded before the connection is simply closed. */
    static final long DISCARD_BYTES = 64L * 1024 * 1024;

    /** Polar's answer to an unknown {@code Polar-Version}. */
    private static final String NOT_FOUND_BODY = "{\"detail\":\"Not Found\"}";

    @Inject
    Settings settings;

    @Inject
    RequestLog requestLog;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        RequestIds.begin(request, response);
        try {
            filter(request, response, chain, start);
        } finally {
            requestLog.record(request, response, start);
            RequestIds.end();
        }
    }

    private void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain, long start)
            throws IOException, ServletException {
        if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
            // Invited at once, whatever the answer will be, as Payara's connector does before the application runs:
            // Undertow sends the 100 at the first read, and otherwise ends the request's input when an answer begins
            // unread, so that a client that sent its body without waiting for the 100 (HTTP allows it) would have the
            // connection reset under it, losing the answer. The body is then read or discarded like any other.
            request.getInputStream().available();
        }
        var versions = settings.apiVersions();
        var version = versions.effective(request.getHeader(ApiVersions.HEADER));
        if (version.isPresent()) {
            // Set before anything runs, so that every answer (resource, error mapper, authentication filter, servlet
            // error page) carries it.
            response.setHeader(ApiVersions.HEADER, version.get());
            versions.deprecation(version.get()).ifPresent(deprecation -> {
                // Beyond Polar (contract, "API versions"): announced on every answer to the version, never enforced.
                response.setHeader("Deprecation", deprecation.deprecationHeader());
                deprecation.sunsetHeader().ifPresent(sunset -> response.setHeader("Sunset", sunset));
                response.setHeader("Link", "<" + settings.publicUrl() + "/openapi>; rel=\"deprecation\"");
            });
        }
        if (request.getContentLengthLong() > GuardedBody.MAX_BYTES) {
            // First of all, whatever the path, query or version: the body is never read, so nothing in it is judged.
            refuse(request, response, new PayloadTooLarge(), start);
            return;
        }
        var guarded = new GuardedRequest(request, start);
        if (request.getContentLengthLong() < 0 && isChunked(request)) {
            // A body of unknown length can be judged only by reading it: read whole first (at most 1 MiB), so that
            // one too large is refused 413 before the path or the query, as a declared one is.
            try {
                guarded.readAhead();
            } catch (PayloadTooLarge | RequestTimeout refused) {
                refuse(request, response, refused, start);
                return;
            }
        }
        if (version.isEmpty()) {
            // Before authentication and routing, as Polar's middleware does: its body has no error name.
            refuse(request, response, 404, NOT_FOUND_BODY, start);
            return;
        }
        if ("OPTIONS".equals(request.getMethod())) {
            // The runtimes answer OPTIONS themselves with a plain-text list of methods (Jersey adds its WADL);
            // Polar's server, without CORS for the API, answers 405.
            refuse(request, response, new MethodNotAllowed(), start);
            return;
        }
        if (!RequestTarget.readablePath(request.getRequestURI())) {
            refuse(request, response, new ResourceNotFound("Not Found"), start);
            return;
        }
        var parameter = RequestTarget.unreadableParameter(request.getQueryString());
        if (parameter.isPresent()) {
            refuse(
                    request,
                    response,
                    422,
                    ErrorBody.of(new RequestValidationException(new ValidationIssue(
                            "value_error",
                            List.of("query", parameter.get()),
                            "Value error, Malformed percent-escape, invalid UTF-8 or NUL",
                            request.getQueryString()))),
                    start);
            return;
        }
        chain.doFilter(guarded, response);
        if (guarded.leftUnread() && !request.isAsyncStarted()) {
            // Answered with body bytes still unread, the connection would be reset when it closes and a client still
            // sending would lose the answer: the answer goes first, then the rest is read and thrown away.
            response.flushBuffer();
            discardRest(request, start);
        }
    }

    private static boolean isChunked(HttpServletRequest request) {
        String encoding = request.getHeader("Transfer-Encoding");
        return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
    }

    private static void refuse(
            HttpServletRequest request, HttpServletResponse response, DomainException error, long start)
            throws IOException {
        refuse(request, response, ErrorMapper.status(error.kind()), ErrorBody.of(error.error(), error.detail()), start);
    }

    private static void refuse(
            HttpServletRequest request, HttpServletResponse response, int status, String json, long start)
            throws IOException {
        response.setStatus(status);
        response.setHeader("Connection", "close");
        response.setContentType("application/json");
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
        discardRest(request, start);
    }

    private static void discardRest(HttpServletRequest request, long start) {
        long deadline = GuardedBody.deadline(start);
        byte[] sink = new byte[64 * 1024];
        long discarded = 0;
        try (InputStream in = request.getInputStream()) {
            int n;
            while (discarded < DISCARD_BYTES && System.nanoTime() - deadline < 0 && (n = in.read(sink)) >= 0) {
                discarded += n;
            }
        } catch (IOException | RuntimeException e) {
            // The client stopped sending or went away: nothing is left to protect.
        }
    }
}
