package dev.seatkeeper.payara;

import java.io.IOException;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.filterchain.FilterChain;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.portunif.PUFilter;
import org.glassfish.grizzly.portunif.PUProtocol;
import org.glassfish.grizzly.portunif.ProtocolFinder;

/**
 * The port-unification filter Payara builds for Seatkeeper's listener ({@code pre-boot-commands.txt} names this class).
 * Payara offers no setting that adds a filter to an HTTP listener's Grizzly chain, but it does build the chain of a
 * port-unification sub-protocol and hand it to {@link #register}: there {@link JsonErrorFilter} is put first, below
 * the HTTP codec, so that every response Grizzly or the web container writes passes through it.
 *
 * <p>Until the application is deployed, every connection is answered 503 JSON here and closed, instead of the web
 * container's HTML 404 page: the post-deploy commands set the system property {@value #SERVING_PROPERTY} to
 * {@code true} once the WAR is up. (A listener disabled during boot and enabled after deployment would do the same
 * without a property, but Payara does not map the applications onto a port-unification listener it restarts.)
 */
public final class JsonErrorPortFilter extends PUFilter {

    /** The system property that opens the port to the application: {@code true} once it is deployed. */
    public static final String SERVING_PROPERTY = "seatkeeper.serving";

    /** Set once the property reads {@code true}; the port never closes again (shutdown closes the listener itself). */
    private volatile boolean serving;

    /**
     * Takes the finder and the sub-protocol's built chain ({@code [back channel, …, HTTP codec, …]}); inserts
     * {@link JsonErrorFilter} and {@link IgnoreH2cUpgradeFilter} right after the back channel (they read and write
     * bytes) and {@link LiteralSemicolonFilter} and {@link OversizedBodyRoute} right after the codec (they read parsed
     * requests), and registers the chain; returns the registered protocol.
     */
    @Override
    public PUProtocol register(ProtocolFinder protocolFinder, FilterChain filterChain) {
        filterChain.add(1, new JsonErrorFilter());
        filterChain.add(2, new IgnoreH2cUpgradeFilter());
        // The codec is Payara's subclass of Grizzly's HttpServerFilter.
        int codec = filterChain.indexOfType(HttpServerFilter.class);
        if (codec > 0) {
            filterChain.add(codec + 1, new LiteralSemicolonFilter());
            filterChain.add(codec + 2, new OversizedBodyRoute());
        }
        return super.register(protocolFinder, filterChain);
    }

    /**
     * Takes the bytes read from a connection: hands them to HTTP once the application serves; before that, answers
     * {@link BodilessAnswer#notYetServing()} and closes the connection after the answer is written.
     */
    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        if (serving || (serving = Boolean.getBoolean(SERVING_PROPERTY))) {
            return super.handleRead(ctx);
        }
        if (ctx.getMessage() instanceof Buffer request) {
            request.tryDispose();
        }
        LingeringClose.writeThenClose(ctx, BodilessAnswer.notYetServing());
        return ctx.getStopAction();
    }
}
