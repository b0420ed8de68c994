package dev.seatkeeper.platform;

import jakarta.ejb.EJBException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
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
        if (e instanceof ApiException api) {
            return error(api.status(), api.error(), api.detail());
        }
        if (e instanceof RequestValidationException invalid) {
            return validation(invalid);
        }
        if (e instanceof NotFoundException) {
            return error(404, "ResourceNotFound", "Not Found");
        }
        if (e instanceof NotAllowedException) {
            return error(405, "MethodNotAllowed", "Method Not Allowed");
        }
        if (e instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            var status = web.getResponse().getStatusInfo();
            return error(status.getStatusCode(), status.getReasonPhrase().replace(" ", ""), status.getReasonPhrase());
        }
        LOG.log(Level.SEVERE, "Unexpected failure while serving a request", thrown);
        return error(500, "InternalServerError", "An unexpected error occurred. It has been logged.");
    }

    /** EJB containers wrap system exceptions; the cause is what the caller should hear about. */
    private static Throwable unwrap(Throwable thrown) {
        Throwable e = thrown;
        while ((e instanceof EJBException || e.getClass().getName().endsWith("TransactionRolledbackLocalException"))
                && e.getCause() != null) {
            e = e.getCause();
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof ApiException || c instanceof RequestValidationException) {
                return c;
            }
        }
        return e;
    }

    public static Response error(int status, String error, String detail) {
        JsonObject body = Json.createObjectBuilder().add("error", error).add("detail", detail).build();
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body.toString()).build();
    }

    private static Response validation(RequestValidationException invalid) {
        JsonArrayBuilder detail = Json.createArrayBuilder();
        for (ValidationIssue issue : invalid.issues()) {
            JsonArrayBuilder loc = Json.createArrayBuilder();
            issue.loc().forEach(part -> {
                if (part instanceof Number n) {
                    loc.add(n.longValue());
                } else {
                    loc.add(String.valueOf(part));
                }
            });
            detail.add(Json.createObjectBuilder()
                    .add("type", issue.type())
                    .add("loc", loc)
                    .add("msg", issue.msg())
                    .add("input", toJson(issue.input())));
        }
        JsonObject body = Json.createObjectBuilder().add("error", "RequestValidationError").add("detail", detail).build();
        return Response.status(422).type(MediaType.APPLICATION_JSON_TYPE).entity(body.toString()).build();
    }

    private static JsonValue toJson(Object input) {
        if (input == null) {
            return JsonValue.NULL;
        }
        if (input instanceof JsonValue v) {
            return v;
        }
        if (input instanceof Number n) {
            return Json.createValue(n.longValue());
        }
        return Json.createValue(String.valueOf(input));
    }
}
