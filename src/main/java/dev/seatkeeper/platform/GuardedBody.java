package dev.seatkeeper.platform;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;

/**
 * A request body as the application reads it: at most {@link #MAX_BYTES} bytes, arriving within
 * {@link #DEADLINE_SECONDS} seconds of the request (contract, "Edge behaviour"). Past either limit a read throws
 * {@link PayloadTooLarge} or {@link RequestTimeout}, which the error mapper answers as JSON.
 *
 * <p>The deadline is checked between reads; a single read that blocks is bounded by the server's own read timeout
 * (set in {@code server-config/}), which surfaces here as an {@link IOException} and is answered the same way.
 */
final class GuardedBody extends ServletInputStream {
    /** 1 MiB: Seatkeeper's largest real body (a bulk assignment of 1,000 seats) is far below it. */
    static final int MAX_BYTES = 1024 * 1024;
    /** Long enough for 1 MiB over a slow mobile link, short enough that slow clients cannot hold the threads. */
    static final int DEADLINE_SECONDS = 10;

    private final ServletInputStream in;
    private final long deadline;
    private long count;
    private boolean overLimit;

    /** @param in the container's stream; @param startNanos when the request arrived ({@link System#nanoTime()}) */
    GuardedBody(ServletInputStream in, long startNanos) {
        this.in = in;
        this.deadline = deadline(startNanos);
    }

    /** When a body that began arriving at {@code startNanos} ({@link System#nanoTime()}) must have arrived whole. */
    static long deadline(long startNanos) {
        return startNanos + DEADLINE_SECONDS * 1_000_000_000L;
    }

    /** Whether a read went past {@link #MAX_BYTES}: the rest of the body is still unread. */
    boolean overLimit() {
        return overLimit;
    }

    /** How many bytes of the body the application has read so far. */
    long bytesRead() {
        return count;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (System.nanoTime() - deadline > 0) {
            throw new RequestTimeout();
        }
        // One byte more than the limit allows tells a body of exactly MAX_BYTES from a longer one.
        int wanted = (int) Math.min(length, MAX_BYTES + 1L - count);
        int n;
        try {
            n = in.read(buffer, offset, wanted);
        } catch (IOException | RuntimeException e) {
            // A read that timed out at the connector (Grizzly: an IOException; Undertow: an IOException or, with a
            // Content-Length, a NullPointerException), or a client that went away. On Undertow the connection is
            // already closed, and this answer goes nowhere.
            throw new RequestTimeout();
        }
        if (n > 0) {
            count += n;
            if (count > MAX_BYTES) {
                overLimit = true;
                throw new PayloadTooLarge();
            }
        }
        return n;
    }

    @Override
    public boolean isFinished() {
        return in.isFinished();
    }

    @Override
    public boolean isReady() {
        return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        in.setReadListener(listener);
    }
}
