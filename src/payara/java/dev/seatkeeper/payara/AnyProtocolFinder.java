package dev.seatkeeper.payara;

import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.portunif.PUContext;
import org.glassfish.grizzly.portunif.ProtocolFinder;

/**
 * The protocol finder of Seatkeeper's port on Payara: every connection is HTTP. Port unification is used only to
 * place {@link JsonErrorFilter} in the HTTP filter chain (see {@link JsonErrorPortFilter}), not to tell protocols apart,
 * so nothing is sniffed and no connection is refused here.
 */
public final class AnyProtocolFinder implements ProtocolFinder {

    /** Takes the first bytes of a connection (unread); returns {@link Result#FOUND}, always. */
    @Override
    public Result find(PUContext puContext, FilterChainContext ctx) {
        return Result.FOUND;
    }
}
