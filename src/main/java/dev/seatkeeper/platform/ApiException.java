package dev.seatkeeper.platform;

import jakarta.ejb.ApplicationException;

/**
 * A failure the caller caused or may see, carrying Polar's error name and HTTP status.
 * As an EJB application exception it reaches the resource unwrapped, and the transaction still rolls back,
 * so a refused request changes nothing.
 */
@ApplicationException(rollback = true, inherited = true)
public class ApiException extends RuntimeException {
    private final int status;
    private final String error;

    public ApiException(int status, String error, String detail) {
        super(detail);
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String detail() {
        return getMessage();
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "ResourceNotFound", detail);
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, "BadRequest", detail);
    }

    public static ApiException notPermitted(String detail) {
        return new ApiException(403, "NotPermitted", detail);
    }
}
