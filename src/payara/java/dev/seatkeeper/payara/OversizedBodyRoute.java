package dev.seatkeeper.payara;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.util.MimeHeaders;

/**
 * A Grizzly filter just above the HTTP codec that hands every request declaring a body over 1 MiB to the application
 * under a target and headers the web container cannot refuse, so that the application's edge filter answers it 413,
 * as it answers every other such request (contract, "Edge behaviour": a body over 1 MiB gets 413 on any method, before
 * routing and before the query is read). Without it the web container answers some of them itself before the
 * application runs: 404 for a path whose escapes do not decode or that names {@code /WEB-INF/}, 417 for an
 * {@code Expect} it does not know.
 *
 * <p>The path becomes its first segment ({@link #contextRoot}), the query is dropped, and so is every header but
 * those the answer and HTTP need ({@link #KEPT}, and {@code Expect}, which becomes {@code 100-continue}).
 * {@code Content-Length}, {@code Polar-Version} and the body stay: the application answers 413 from the declared length,
 * echoing the version, and discards the rest of the body. A {@code TRACE} is answered 413 here (without the version,
 * as the connector's other refusals), since the codec never delivers its body to the application. A request with a
 * header byte outside ASCII is still refused by the server before this filter sees it: 400 with a JSON body (the
 * contract lets the server answer a request head it cannot read).
 */
public final class OversizedBodyRoute extends BaseFilter {

    /** The headers such a request keeps: what the answer needs and what HTTP needs to end the exchange. */
    private static final Set<String> KEPT = Set.of("host", "content-length", "connection", "polar-version");

    /** The largest body the application reads, in bytes: {@code GuardedBody.MAX_BYTES} of the WAR (1 MiB). */
    static final long MAX_BYTES = 1024 * 1024;

    /**
     * Takes a parsed piece of a request; rewrites the head of one that declares too large a body (again for each
     * piece of its body, which changes nothing), and passes it on. A request whose declared body the codec does not
     * read ({@code TRACE}) is answered here instead, and the chain stops.
     */
    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        if (ctx.getMessage() instanceof HttpContent content
                && content.getHttpHeader() instanceof HttpRequestPacket request
                && request.getContentLength() > MAX_BYTES) {
            if (!request.isExpectContent()) {
                answerUnread(ctx);
                return ctx.getStopAction();
            }
            request.setRequestURI(contextRoot(request.getRequestURI()));
            request.setQueryString(null);
            keepOnly(request.getHeaders());
            // The codec has parsed the Content-Type into the request already.
            request.setContentType((String) null);
        }
        return ctx.getInvokeAction();
    }

    /**
     * Answers 413 on a connection whose request's body the codec will not deliver, and closes it. Grizzly reads no body
     * for a {@code TRACE} (its method allows none) and parses the declared body as the next request, so the
     * application, reached with it, could not read and discard the rest of the upload after its 413: the connection
     * closed with the body arriving, and a client still sending lost the answer to a reset (1 in 20 such requests
     * with a 20 MB body). Here the answer is written with a lingering close ({@link LingeringClose}), which discards
     * what the client still sends; where it cannot be (a write of Grizzly's still queued), the answer is queued and
     * the connection closed once it is written.
     */
    private static void answerUnread(FilterChainContext ctx) {
        Connection<?> connection = ctx.getConnection();
        byte[] answer = BodilessAnswer.payloadTooLarge();
        if (LingeringClose.answered(connection, answer)) {
            connection.closeSilently();
        } else {
            LingeringClose.writeThenClose(ctx, answer);
        }
    }

    /**
     * Takes the raw path; returns its first segment when that is a plain name (the context root of an application
     * deployed under one; the microbundle's is {@code /}, where every first segment reaches it) other than
     * {@code WEB-INF} and {@code META-INF}, which the container never serves; otherwise {@code /}.
     */
    static String contextRoot(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return "/";
        }
        int end = rawPath.indexOf('/', 1);
        String first = rawPath.substring(1, end < 0 ? rawPath.length() : end);
        boolean plain = !first.isEmpty()
                && first.chars()
                        .allMatch(c -> c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.'));
        if (!plain
                || first.equalsIgnoreCase("WEB-INF")
                || first.equalsIgnoreCase("META-INF")
                || first.startsWith(".")) {
            return "/";
        }
        return "/" + first + "/";
    }

    /**
     * Removes every header but {@link #KEPT} and {@code Expect}, whose value becomes {@code 100-continue}: the codec
     * has already marked a request with any {@code Expect} as awaiting an acknowledgement when its head arrived without
     * body bytes, and the web container answers such a request 417 unless the expectation is {@code 100-continue}
     * (it then sends the 100, and the application its 413). Removing the header would not clear that mark.
     */
    private static void keepOnly(MimeHeaders headers) {
        List<String> dropped = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.getName(i).toString().toLowerCase(Locale.ROOT);
            if (name.equals("expect")) {
                headers.getValue(i).setString("100-continue");
            } else if (!KEPT.contains(name)) {
                dropped.add(name);
            }
        }
        dropped.forEach(headers::removeHeader);
    }
}
