package dev.seatkeeper.platform;

import jakarta.ejb.EJBException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where exceptions become HTTP responses. Every error a caller sees is JSON in Polar's shape;
 * unexpected failures are logged here with their details and answered without them.
 */
@Provider
public class ErrorMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable e = unwrap(thrown);
        if (e instanceof DomainException refused) {
            var response = error(status(refused.kind()), refused.error(), refused.detail());
            return refused instanceof Unauthorized
                    ? Response.fromResponse(response)
                            .header("WWW-Authenticate", Unauthorized.CHALLENGE)
                            .build()
                    : response;
        }
        if (e instanceof RequestValidationException invalid) {
            return validation(invalid);
        }
        if (e instanceof NotFoundException) {
            return error(404, "ResourceNotFound", "Not Found");
        }
        String sqlState = sqlState(thrown);
        // HYT00: H2's lock timeout; 40001 and 40P01: serialization failure and deadlock (SQL standard, PostgreSQL).
        if (isCause(thrown, "LockTimeoutException", "PessimisticLockException", "LockAcquisitionException")
                || Set.of("HYT00", "40001", "40P01").contains(sqlState)) {
            LOG.log(Level.WARNING, "A request waited too long for a row lock", thrown);
            return retryable(503, "ServiceUnavailable", "The resource is busy with other changes. Retry the request.");
        }
        if (isCause(thrown, "SQLIntegrityConstraintViolationException", "ConstraintViolationException")
                || sqlState.startsWith("23")) {
            // Two requests created the same thing at once; the loser's transaction rolled back, nothing was stored.
            LOG.log(Level.INFO, "A concurrent request created the same record", thrown);
            return retryable(409, "Conflict", "A concurrent request changed the same data. Retry the request.");
        }
        if (sqlState.startsWith("22")) {
            // A data exception (a value too long or out of range for its column) that input checks let through.
            LOG.log(Level.WARNING, "A value did not fit its column", thrown);
            return validation(new RequestValidationException(new ValidationIssue(
                    "value_error", List.of("body"), "Value error, A value is too long or out of range.", null)));
        }
        if (e instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            var status = web.getResponse().getStatusInfo();
            return error(status.getStatusCode(), status.getReasonPhrase().replace(" ", ""), status.getReasonPhrase());
        }
        LOG.log(Level.SEVERE, "Unexpected failure while serving a request", thrown);
        return error(500, "InternalServerError", "An unexpected error occurred. It has been logged.");
    }

    private static boolean isCause(Throwable thrown, String... simpleNames) {
        for (Throwable c = thrown; c != null; c = c.getCause()) {
            for (String name : simpleNames) {
                if (c.getClass().getSimpleName().equals(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String sqlState(Throwable thrown) {
        for (Throwable c = thrown; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "";
    }

    private static Response retryable(int status, String error, String detail) {
        return Response.fromResponse(error(status, error, detail))
                .header("Retry-After", "1")
                .build();
    }

    /** EJB containers wrap system exceptions; the cause is what the caller should hear about. */
    private static Throwable unwrap(Throwable thrown) {
        Throwable e = thrown;
        while ((e instanceof EJBException || e.getClass().getName().endsWith("TransactionRolledbackLocalException"))
                && e.getCause() != null) {
            e = e.getCause();
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof DomainException || c instanceof RequestValidationException) {
                return c;
            }
        }
        return e;
    }

    /** The HTTP status of a kind of refusal: the one place where a domain error gets one. */
    public static int status(DomainException.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case NOT_PERMITTED -> 403;
            case NOT_FOUND -> 404;
            case METHOD_NOT_ALLOWED -> 405;
            case TIMED_OUT -> 408;
            case TOO_LARGE -> 413;
            case CONFLICT -> 409;
            case UNPROCESSABLE -> 422;
        };
    }

    public static Response error(int status, String error, String detail) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBody.of(error, detail))
                .build();
    }

    private static Response validation(RequestValidationException invalid) {
        return Response.status(422)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBody.of(invalid))
                .build();
    }
}
