package dev.seatkeeper.payara;

import java.io.IOException;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.memory.Buffers;

/**
 * A Grizzly filter below the HTTP codec that gives a JSON body to the bodiless error answers Payara makes before the
 * application runs (../shared/CONTRACT.md, "Edge behaviour": never an empty body, never a dropped connection). These
 * answers come from places no setting reaches: the codec (a request line or headers it refuses), the web container's
 * request set-up (a path whose escapes do not decode: {@code 400 Invalid URI}, or an empty {@code 200} when the decoder
 * throws; {@code TRACE}), and the {@code Expect} check. Each arrives here as one encoded buffer that ends with its
 * head; {@link BodilessAnswer} decides and builds the replacement, which {@link LingeringClose} writes (it ends the
 * connection, and the client may still be sending the refused request's body). Every other write passes unchanged
 * and uncopied.
 *
 * <p>Some refusals throw inside Grizzly before anything is written (a raw space in the path together with a non-ASCII
 * header byte), and Grizzly then closes the connection silently: when a request fails so, with no write since its
 * bytes were read, this filter answers 400 JSON before the connection closes.
 */
public final class JsonErrorFilter extends BaseFilter {

    /** Writes longer than this (bytes) are never the server's own bodiless answers; they pass unread. */
    private static final int LONGEST_HEAD = 4096;

    /** Per connection: true from a read until the next write, that is while a request waits for its answer. */
    private final Attribute<Boolean> awaitingAnswer =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(JsonErrorFilter.class.getName() + ".awaitingAnswer");

    /** Takes bytes read from the client; notes that an answer is due, and passes them up unchanged. */
    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        awaitingAnswer.set(ctx.getConnection(), Boolean.TRUE);
        return ctx.getInvokeAction();
    }

    /**
     * Takes a write on its way to the socket; replaces a bodiless error answer by {@link BodilessAnswer#withJsonBody},
     * written here with a lingering close where it can be (the write then stops here), and lets everything else
     * through. Raises nothing of its own.
     */
    @Override
    public NextAction handleWrite(FilterChainContext ctx) throws IOException {
        awaitingAnswer.set(ctx.getConnection(), Boolean.FALSE);
        if (ctx.getMessage() instanceof Buffer buffer && endsWithAHead(buffer)) {
            byte[] written = new byte[buffer.remaining()];
            int position = buffer.position();
            buffer.get(written);
            buffer.position(position);
            byte[] answer = BodilessAnswer.withJsonBody(written);
            if (answer != null) {
                buffer.tryDispose();
                if (LingeringClose.answered(ctx.getConnection(), answer)) {
                    return ctx.getStopAction();
                }
                ctx.setMessage(Buffers.wrap(ctx.getMemoryManager(), answer));
            }
        }
        return ctx.getInvokeAction();
    }

    /**
     * Called by Grizzly when handling a read threw; Grizzly closes the connection next. Writes
     * {@link BodilessAnswer#unreadableRequest()} first (with a lingering close where it can be) when the request has had
     * no answer yet.
     */
    @Override
    public void exceptionOccurred(FilterChainContext ctx, Throwable error) {
        Connection<?> connection = ctx.getConnection();
        if (connection.isOpen() && Boolean.TRUE.equals(awaitingAnswer.get(connection))) {
            awaitingAnswer.set(connection, Boolean.FALSE);
            byte[] answer = BodilessAnswer.unreadableRequest();
            if (!LingeringClose.answered(connection, answer)) {
                connection.write(Buffers.wrap(ctx.getMemoryManager(), answer));
            }
        }
    }

    /** True when the buffer starts with {@code HTTP/1.} and ends with a blank line, within {@link #LONGEST_HEAD}. */
    private static boolean endsWithAHead(Buffer buffer) {
        int start = buffer.position();
        int end = buffer.limit();
        int length = end - start;
        if (length < 16 || length > LONGEST_HEAD) {
            return false;
        }
        byte[] prefix = {'H', 'T', 'T', 'P', '/', '1', '.'};
        for (int i = 0; i < prefix.length; i++) {
            if (buffer.get(start + i) != prefix[i]) {
                return false;
            }
        }
        return buffer.get(end - 4) == '\r'
                && buffer.get(end - 3) == '\n'
                && buffer.get(end - 2) == '\r'
                && buffer.get(end - 1) == '\n';
    }
}
