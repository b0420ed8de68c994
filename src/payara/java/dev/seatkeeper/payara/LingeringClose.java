package dev.seatkeeper.payara;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.nio.NIOConnection;

/**
 * Writes an answer that ends the connection, then reads and discards what the client still sends before the connection
 * is closed: a lingering close, as HTTP/1.1 (RFC 9112, section 9.6) asks of a server that closes while a request body
 * may still be arriving. Without it, the connector's own refusals (a request head it cannot read) close the socket
 * with the body unread; the kernel then resets the connection, and a client still sending loses the answer (a write
 * fails with {@code EPIPE}, and the answer already received goes with it; ../shared/CONTRACT.md, "Edge behaviour":
 * never a dropped connection). The same goes for the 413 the connector gives a {@code TRACE} with a body over 1 MiB
 * ({@link OversizedBodyRoute}). The application's own refusals do the same through {@code RequestEdgeFilter}.
 *
 * <p>Reading stops at the client's end of stream, after {@link #IDLE_MILLIS} without a byte (a client waiting for
 * {@code 100 Continue}, or done and waiting for the close), after {@link #MOST_MILLIS} in all, or after
 * {@link #MOST_BYTES}; the connection is then closed by Grizzly as before. The calling thread (the connector's worker
 * that handled the refused request) is held for at most {@link #MOST_MILLIS}.
 */
final class LingeringClose {

    /** The longest pause between two pieces of the client's body before the drain gives up, in milliseconds. */
    static final long IDLE_MILLIS = 250;

    /** The longest a drain lasts, in milliseconds. */
    static final long MOST_MILLIS = 2_000;

    /** The most bytes discarded: the application's own drain's bound ({@code RequestEdgeFilter.DISCARD_BYTES}). */
    static final long MOST_BYTES = 64L * 1024 * 1024;

    private LingeringClose() {}

    /**
     * Takes a connection and a closing answer (bytes as sent); writes it through {@link #answer} and returns true when
     * the connection is a plain socket with nothing of Grizzly's still queued for it (so the answer cannot overtake an
     * earlier one); otherwise false, and nothing is written (also when no selector could be opened for the wait).
     */
    static boolean answered(Connection<?> connection, byte[] answer) {
        if (connection instanceof NIOConnection nio
                && nio.getChannel() instanceof SocketChannel channel
                && nio.getAsyncWriteQueue().isEmpty()) {
            try {
                answer(channel, answer);
                return true;
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }

    /**
     * Takes a filter's context and a closing answer (bytes as sent); queues the answer on the context's connection and
     * closes the connection once it is written, or failed to be, without reading what the client still sends. For where
     * {@link #answered} cannot write, or nothing of a request body can follow.
     */
    static void writeThenClose(FilterChainContext ctx, byte[] answer) {
        Connection<?> connection = ctx.getConnection();
        ctx.write(Buffers.wrap(ctx.getMemoryManager(), answer), new EmptyCompletionHandler<WriteResult>() {
            @Override
            public void completed(WriteResult result) {
                connection.closeSilently();
            }

            @Override
            public void failed(Throwable error) {
                connection.closeSilently();
            }
        });
    }

    /**
     * Takes the connection's socket (non-blocking, registered with the connector's selector, with nothing of its own
     * waiting to be written and its reads not being handled by another thread) and the whole answer (bytes as sent);
     * writes the answer, ends the output (FIN), and discards the client's bytes within the bounds above. Returns
     * normally when the client went away meanwhile; raises {@link IOException} only when the selector cannot be opened,
     * before anything is written.
     */
    static void answer(SocketChannel channel, byte[] answer) throws IOException {
        long deadline = System.nanoTime() + MOST_MILLIS * 1_000_000L;
        try (Selector selector = Selector.open()) {
            SelectionKey key = channel.register(selector, SelectionKey.OP_WRITE);
            try {
                ByteBuffer out = ByteBuffer.wrap(answer);
                while (out.hasRemaining() && remainingMillis(deadline) > 0) {
                    if (channel.write(out) == 0) {
                        selector.select(Math.max(1, remainingMillis(deadline)));
                        selector.selectedKeys().clear();
                    }
                }
                channel.shutdownOutput();
                key.interestOps(SelectionKey.OP_READ);
                ByteBuffer sink = ByteBuffer.allocate(64 * 1024);
                long discarded = 0;
                while (discarded < MOST_BYTES && remainingMillis(deadline) > 0) {
                    int read = channel.read(sink.clear());
                    if (read < 0) {
                        break;
                    }
                    discarded += read;
                    if (read == 0
                            && selector.select(Math.max(1, Math.min(IDLE_MILLIS, remainingMillis(deadline)))) == 0) {
                        break;
                    }
                    selector.selectedKeys().clear();
                }
            } catch (IOException e) {
                // The client went away: there is no one left to answer.
            } finally {
                key.cancel();
            }
        }
    }

    private static long remainingMillis(long deadline) {
        return Math.max(0, (deadline - System.nanoTime()) / 1_000_000L);
    }
}
