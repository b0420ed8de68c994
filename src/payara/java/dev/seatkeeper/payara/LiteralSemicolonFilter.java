package dev.seatkeeper.payara;

import java.io.IOException;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;

/**
 * A Grizzly filter just above the HTTP codec that escapes every {@code ;} in a request's path as {@code %3B}, so that
 * the path is routed as it was written. Grizzly cuts a {@code ;jsessionid=…} path parameter out of the path, up to its
 * end, before the web container sees the request (there is no setting for it): {@code POST
 * /v1/customers/;jsessionid=1/members} would otherwise be served as {@code POST /v1/customers/}, a route the caller never
 * named. Seatkeeper has no path parameters and sessions in URLs; Polar reads {@code ;} as part of the segment, which
 * then names nothing (404 or 422), and so does Seatkeeper with the escape.
 */
public final class LiteralSemicolonFilter extends BaseFilter {

    /** Takes a parsed piece of a request; escapes {@code ;} in its path (the query is left alone) and passes it on. */
    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        if (ctx.getMessage() instanceof HttpContent content
                && content.getHttpHeader() instanceof HttpRequestPacket request) {
            String uri = request.getRequestURI();
            if (uri != null && uri.indexOf(';') >= 0) {
                request.setRequestURI(uri.replace(";", "%3B"));
            }
        }
        return ctx.getInvokeAction();
    }
}
