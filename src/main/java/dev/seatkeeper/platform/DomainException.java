package dev.seatkeeper.platform;

import jakarta.ejb.ApplicationException;

/**
 * A refusal the caller caused or may see. Each refusal is a class of its own, named as Polar names the error
 * ({@code SeatNotAvailable}, {@code InvalidInvitationToken}, …): the class's simple name is the {@code error} of the
 * body, its message the {@code detail}. It says what kind of refusal it is ({@link Kind}); {@link ErrorMapper} alone
 * turns the kind into an HTTP status, so services and entities never choose one.
 *
 * <p>As an EJB application exception it reaches the resource unwrapped, and the transaction still rolls back, so a
 * refused request changes nothing.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class DomainException extends RuntimeException {

    /** What kind of refusal: the caller's input is wrong, or what it names is not there, or it may not do this. */
    public enum Kind {
        /** The request cannot be served as it stands (HTTP 400). */
        INVALID,
        /** The route needs a kind of credentials the caller did not present (HTTP 401). */
        UNAUTHENTICATED,
        /** The caller may not do this (HTTP 403). */
        NOT_PERMITTED,
        /** What the request names does not exist for this caller (HTTP 404). */
        NOT_FOUND,
        /** The method is not served on this path (HTTP 405). */
        METHOD_NOT_ALLOWED,
        /** The request body did not arrive in time (HTTP 408). */
        TIMED_OUT,
        /** The request body is too large (HTTP 413). */
        TOO_LARGE,
        /** The request conflicts with one still being served (HTTP 409). */
        CONFLICT,
        /**
         * Well-formed, but it cannot be accepted as it stands: it would break a rule of what it changes (a customer's
         * last owner) or reuses an idempotency key for another request (HTTP 422).
         */
        UNPROCESSABLE
    }

    private final Kind kind;

    /** @param kind what kind of refusal; @param detail the human-readable {@code detail} of the body */
    protected DomainException(Kind kind, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** Polar's error name: the class's simple name. */
    public String error() {
        return getClass().getSimpleName();
    }

    public String detail() {
        return getMessage();
    }
}
