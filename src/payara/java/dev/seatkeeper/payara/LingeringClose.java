package dev.seatkeeper.payara;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * Writes an answer that ends the connection, then reads and discards what the client still sends before the connection
 * is closed: a lingering close, as HTTP/1.1 (RFC 9112, section 9.6) asks of a server that closes while a request body
 * may still be arriving. Without it, the connector's own refusals (a request head it cannot read) close the socket
 * with the body unread; the kernel then resets the connection, and a client still sending loses the answer (a write
 * fails with {@code EPIPE}, and the answer already received goes with it; ../shared/CONTRACT.md, "Edge behaviour":
 * never a dropped connection). The application's own refusals do the same through {@code RequestEdgeFilter}.
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
