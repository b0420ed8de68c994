package dev.seatkeeper.payara;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * <p>Every read that mentions {@code Upgrade:} is looked at: the first request head in it, found by its request line,
 * wherever the read starts. A body the server answered before reading (a 401 or 403 from the authentication filter)
 * can arrive in the same read just before the next request's head, and that head must still lose its header, or the
 * next request's body stays undelivered until the read timeout (a 408). Bytes before the head are never changed. A
 * head split over two reads keeps its {@code Upgrade} header; Java's {@code HttpClient} and curl write a head in one
 * piece.
 */
public final class IgnoreH2cUpgradeFilter extends BaseFilter {

    /** A request line of HTTP/1.1, where a request head starts. */
    private static final Pattern REQUEST_LINE = Pattern.compile("[A-Z]{3,7} [^\\s]+ HTTP/1\\.1\r\n");

    /** Reads longer than this (bytes) are passed unread. */
    private static final int LONGEST_READ = 65_536;

    /** Takes bytes read from the client; drops an {@code Upgrade: h2c} header line from a request's head. */
    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        if (ctx.getMessage() instanceof Buffer buffer
                && buffer.remaining() <= LONGEST_READ
                && mentionsUpgrade(buffer)) {
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

    /** True when {@code \nupgrade:} (any case) occurs in the buffer; reads without copying. */
    private static boolean mentionsUpgrade(Buffer buffer) {
        byte[] name = {'\n', 'u', 'p', 'g', 'r', 'a', 'd', 'e', ':'};
        int end = buffer.limit();
        for (int i = buffer.position(); i + name.length <= end; i++) {
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
     * Takes the bytes of a read (ISO-8859-1); returns them without the header line {@code Upgrade: h2c} (name and value
     * in any case) of the first request head they hold, else {@code null}. The head may follow the end of an earlier
     * request's body in the same read: a body the server did not read (it answered 401 or 403 first) arrives just
     * before the next request; the bytes before the head are kept as they are.
     */
    static byte[] withoutH2cUpgrade(byte[] read) {
        String all = new String(read, StandardCharsets.ISO_8859_1);
        Matcher requestLine = REQUEST_LINE.matcher(all);
        if (!requestLine.find()) {
            return null;
        }
        String before = all.substring(0, requestLine.start());
        String text = all.substring(requestLine.start());
        int headEnd = text.indexOf("\r\n\r\n");
        String head = (headEnd < 0 ? text : text.substring(0, headEnd)).toLowerCase(Locale.ROOT);
        int line = head.indexOf("\r\nupgrade:");
        while (line >= 0) {
            int lineEnd = head.indexOf("\r\n", line + 2);
            if (lineEnd < 0) {
                return null;
            }
            if (head.substring(line + "\r\nupgrade:".length(), lineEnd).trim().equals("h2c")) {
                return (before + text.substring(0, line) + text.substring(lineEnd))
                        .getBytes(StandardCharsets.ISO_8859_1);
            }
            line = head.indexOf("\r\nupgrade:", lineEnd);
        }
        return null;
    }
}
