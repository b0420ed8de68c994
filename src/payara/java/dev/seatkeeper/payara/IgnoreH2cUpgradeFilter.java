package dev.seatkeeper.payara;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.memory.Buffers;

/**
 * A Grizzly filter below the HTTP codec that removes an {@code Upgrade: h2c} header from a request, so that the request
 * is served as the HTTP/1.1 request it also is (a server may ignore {@code Upgrade}, RFC 9110 §7.8). Payara turns
 * HTTP/2 off on a port-unification listener ({@link JsonErrorPortFilter}), yet its codec still reads a request
 * carrying {@code Upgrade} as the start of another protocol and never delivers its body. Java's {@code HttpClient}
 * sends that header with every request of a connection, curl {@code --http2} with the first.
 *
 * <p>Every read that starts with a request line is looked at, only its head, and bytes of a body are never changed.
 * Which read starts a request is told by its first bytes, not by the order of reads and writes: a body that arrives
 * after the answer to its request was written (the server answered 401 before reading it) must not make the next
 * request's head go unread, which left that request's body undelivered until the read timeout (a 408). A head split
 * over two reads keeps its {@code Upgrade} header; Java's {@code HttpClient} and curl write a head in one piece.
 */
public final class IgnoreH2cUpgradeFilter extends BaseFilter {

    /** Reads longer than this (bytes) are passed unread. */
    private static final int LONGEST_READ = 65_536;

    /** Takes bytes read from the client; drops an {@code Upgrade: h2c} header line from a request's head. */
    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        if (ctx.getMessage() instanceof Buffer buffer
                && buffer.remaining() <= LONGEST_READ
                && startsWithMethod(buffer)
                && headMentionsUpgrade(buffer)) {
            byte[] read = new byte[buffer.remaining()];
            int position = buffer.position();
            buffer.get(read);
            buffer.position(position);
            byte[] without = withoutH2cUpgrade(read);
            if (without != null) {
                ctx.setMessage(Buffers.wrap(ctx.getMemoryManager(), without));
                buffer.tryDispose();
            }
        }
        return ctx.getInvokeAction();
    }

    /** True when the buffer starts with 3 to 7 capital letters and a space, as a request line does; reads 8 bytes at most. */
    private static boolean startsWithMethod(Buffer buffer) {
        int start = buffer.position();
        int end = Math.min(buffer.limit(), start + 8);
        for (int i = start; i < end; i++) {
            byte b = buffer.get(i);
            if (b == ' ') {
                return i - start >= 3;
            }
            if (b < 'A' || b > 'Z') {
                return false;
            }
        }
        return false;
    }

    /** True when {@code upgrade:} (any case) occurs before the buffer's first blank line; reads without copying. */
    private static boolean headMentionsUpgrade(Buffer buffer) {
        byte[] name = {'\n', 'u', 'p', 'g', 'r', 'a', 'd', 'e', ':'};
        int end = buffer.limit();
        for (int i = buffer.position(); i + name.length <= end; i++) {
            byte b = buffer.get(i);
            if (b == '\r' && i + 3 < end && buffer.get(i + 1) == '\n' && buffer.get(i + 2) == '\r') {
                return false;
            }
            int matched = 0;
            while (matched < name.length && (buffer.get(i + matched) | 0x20) == (name[matched] | 0x20)) {
                matched++;
            }
            if (matched == name.length) {
                return true;
            }
        }
        return false;
    }

    /**
     * Takes the bytes of a read that begins a request (ISO-8859-1); returns them without the header line
     * {@code Upgrade: h2c} (name and value in any case) when they start with a request line and that header lies
     * within the head, else {@code null}.
     */
    static byte[] withoutH2cUpgrade(byte[] read) {
        String text = new String(read, StandardCharsets.ISO_8859_1);
        if (!text.matches("(?s)[A-Z]{3,7} \\S+ HTTP/1\\.1\r\n.*")) {
            return null;
        }
        int headEnd = text.indexOf("\r\n\r\n");
        String head = (headEnd < 0 ? text : text.substring(0, headEnd)).toLowerCase(Locale.ROOT);
        int line = head.indexOf("\r\nupgrade:");
        while (line >= 0) {
            int lineEnd = head.indexOf("\r\n", line + 2);
            if (lineEnd < 0) {
                return null;
            }
            if (head.substring(line + "\r\nupgrade:".length(), lineEnd).trim().equals("h2c")) {
                return (text.substring(0, line) + text.substring(lineEnd)).getBytes(StandardCharsets.ISO_8859_1);
            }
            line = head.indexOf("\r\nupgrade:", lineEnd);
        }
        return null;
    }
}
