package dev.seatkeeper.platform;

/**
 * 408 {@code RequestTimeout}: a request body that did not arrive whole within {@link GuardedBody#DEADLINE_SECONDS}
 * seconds of the request, or whose connection failed while it was read (a read timed out at the connector, or the
 * client went away). Raised by {@link GuardedBody}, so a slow client holds a request thread for a bounded time.
 */
public class RequestTimeout extends DomainException {
    public RequestTimeout() {
        super(Kind.TIMED_OUT, "The request body did not arrive within " + GuardedBody.DEADLINE_SECONDS + " seconds.");
    }
}
