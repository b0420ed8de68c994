package dev.seatkeeper.platform;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

/**
 * The request as the application sees it: its body through a {@link GuardedBody}, and a {@code Content-Type}
 * the JAX-RS runtime can parse. Jersey and RESTEasy refuse a malformed {@code Content-Type} (such as
 * {@code garbage}) before any resource or exception mapper runs; here it becomes its parsable part
 * ({@code application/json; charset=} is {@code application/json}) or, with none, {@code application/octet-stream},
 * which {@link JsonBodyReader} answers with FastAPI's 422, as it does a wildcard such as {@code *}{@code /*}.
 *
 * <p>{@code Accept} is not passed on: the API answers JSON whatever a client asks for, as Polar's FastAPI does,
 * instead of the runtime's 406 to a client that sent {@code Accept: text/plain} or a malformed value. The few routes
 * that also export another type read the original through {@link Accepts}.
 */
final class GuardedRequest extends HttpServletRequestWrapper {
    static final String UNREADABLE_TYPE = MediaType.APPLICATION_OCTET_STREAM;
    private static final String CONTENT_TYPE = "Content-Type";
    private static final String ACCEPT = "Accept";

    private final String contentType;
    private GuardedBody body;
    private final long startNanos;

    /** @param startNanos when the request arrived ({@link System#nanoTime()}), the start of the body's deadline */
    GuardedRequest(HttpServletRequest request, long startNanos) {
        super(request);
        this.startNanos = startNanos;
        this.contentType = readable(request.getContentType());
        String accept = request.getHeader(ACCEPT);
        if (accept != null) {
            request.setAttribute(Accepts.ORIGINAL, accept);
        }
    }

    /**
     * Reads a body of unknown length (sent chunked) whole now, into memory, so that one over {@link GuardedBody#MAX_BYTES}
     * is refused before anything else of the request is looked at, as one whose declared length is too large is
     * (contract, "Edge behaviour"); the application then reads the bytes kept. Raises {@link PayloadTooLarge} (the
     * rest of the upload is still unread) or {@link RequestTimeout}.
     */
    void readAhead() throws IOException {
        byte[] bytes = new GuardedBody(super.getInputStream(), startNanos).readAllBytes();
        body = new GuardedBody(new KeptBody(bytes), startNanos);
    }

    /** The guarded body, if the application opened it. */
    GuardedBody body() {
        return body;
    }

    /**
     * Whether part of the body the client declared (by {@code Content-Length}) is still unread now: the application
     * answered without reading it (an authentication refusal, an unknown route) or stopped early (a body that does
     * not parse, one over {@link GuardedBody#MAX_BYTES}). A body sent chunked was read ahead whole or refused.
     */
    boolean leftUnread() {
        long declared = getContentLengthLong();
        return body != null && body.overLimit() || declared > 0 && (body == null || body.bytesRead() < declared);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (body == null) {
            body = new GuardedBody(super.getInputStream(), startNanos);
        }
        return body;
    }

    @Override
    public String getContentType() {
        return contentType;
    }

    @Override
    public String getHeader(String name) {
        if (ACCEPT.equalsIgnoreCase(name)) {
            return null;
        }
        return CONTENT_TYPE.equalsIgnoreCase(name) ? contentType : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        if (ACCEPT.equalsIgnoreCase(name)) {
            return Collections.emptyEnumeration();
        }
        if (CONTENT_TYPE.equalsIgnoreCase(name)) {
            return contentType == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(contentType));
        }
        return super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        var names = Collections.list(super.getHeaderNames());
        names.removeIf(ACCEPT::equalsIgnoreCase);
        return Collections.enumeration(names);
    }

    private static String readable(String declared) {
        if (declared == null) {
            return null;
        }
        // A wildcard names no type at all (FastAPI reads such a body as bytes); RESTEasy would take it for a JSON
        // patch document on PATCH.
        Optional<MediaType> whole = parse(declared);
        if (whole.isPresent()) {
            return whole.get().isWildcardType() || whole.get().isWildcardSubtype() ? UNREADABLE_TYPE : declared;
        }
        int parameters = declared.indexOf(';');
        if (parameters > 0 && parse(declared.substring(0, parameters)).isPresent()) {
            return declared.substring(0, parameters).strip();
        }
        return UNREADABLE_TYPE;
    }

    private static Optional<MediaType> parse(String type) {
        try {
            return Optional.of(MediaType.valueOf(type));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A body read ahead, served from memory. */
    private static final class KeptBody extends ServletInputStream {
        private final ByteArrayInputStream bytes;

        KeptBody(byte[] bytes) {
            this.bytes = new ByteArrayInputStream(bytes);
        }

        @Override
        public int read() {
            return bytes.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return bytes.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
            return bytes.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new IllegalStateException("The body was read ahead; it is read blocking");
        }
    }
}
