package dev.seatkeeper.idempotency;

import dev.seatkeeper.platform.ErrorMapper;
import dev.seatkeeper.platform.JsonbConfigurator;
import dev.seatkeeper.platform.Jsonp;
import dev.seatkeeper.platform.RequestValidationException;
import dev.seatkeeper.platform.ValidationIssue;
import dev.seatkeeper.security.Caller;
import dev.seatkeeper.security.Principal;
import dev.seatkeeper.security.TokenHasher;
import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code Idempotency-Key} (contract, "Beyond Polar: seat lifecycle") on the routes marked {@link Idempotent}, after
 * authentication and scope checks. Before the route acts, the key is recorded for the caller in a committed transaction
 * of its own ({@link IdempotencyStore#insert}); a repeat then finds it and gets the first response replayed (status
 * and body, header {@code Idempotent-Replayed: true}), {@link IdempotencyKeyInUse} while the first is in flight, or
 * {@link IdempotencyKeyReused} when the key came with another request. Whatever the timing, the route acts once per
 * caller and key. After the route, the response (an error body too, but not a 5xx or a lost race, which a retry may
 * fix) is kept with the key, and it is exactly what is sent: the body is written to JSON here once.
 *
 * <p>A request's fingerprint is SHA-256 over its method, path (with its query, if any) and body bytes. Requests without the header are not
 * touched. The one gap: if the process dies after the route's transaction committed and before the response is kept,
 * the key stays in flight (409) until it expires after 24 hours, rather than risk acting twice.
 */
@Provider
@Idempotent
@Priority(Priorities.USER)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {
    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    static final int MAX_KEY_LENGTH = 255;
    private static final String RECORD = IdempotencyFilter.class.getName() + ".record";
    private static final Logger LOG = Logger.getLogger(IdempotencyFilter.class.getName());
    /** Statuses a retry may turn into a success: the key is forgotten rather than the failure replayed. */
    private static final Set<Integer> RETRYABLE = Set.of(408, 409, 429);

    @Context
    ResourceInfo resourceInfo;

    @Inject
    Caller caller;

    @Inject
    TokenHasher hasher;

    @EJB
    IdempotencyStore store;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null) {
            return;
        }
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            request.abortWith(new ErrorMapper().toResponse(invalidKey(key)));
            return;
        }
        byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        Optional<String> owner = owner(body);
        if (owner.isEmpty()) {
            // A claim whose body names no token: nothing to scope the key to; the route refuses the body itself.
            return;
        }
        String fingerprint = fingerprint(request.getMethod(), target(request), body);
        Optional<IdempotencyStore.Known> known = store.find(owner.get(), key, fingerprint);
        if (known.isEmpty()) {
            try {
                request.setProperty(RECORD, store.insert(owner.get(), key, fingerprint));
                return;
            } catch (RuntimeException raced) {
                // Another request recorded the same key between the look-up and the insert.
                known = store.find(owner.get(), key, fingerprint);
                if (known.isEmpty()) {
                    throw raced;
                }
            }
        }
        request.abortWith(answer(known.get()));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(RECORD) instanceof UUID record)) {
            return;
        }
        int status = response.getStatus();
        if (status >= 500 || RETRYABLE.contains(status) || !response.hasEntity()) {
            store.forget(record);
            return;
        }
        Object entity = response.getEntity();
        String json =
                entity instanceof String text ? text : JsonbConfigurator.jsonb().toJson(entity);
        try {
            store.answer(record, status, json);
        } catch (RuntimeException e) {
            // The route has acted; a repeat will meet the key in flight (409) rather than act again.
            LOG.log(Level.WARNING, "Keeping the response of an idempotent request failed", e);
        }
        response.setEntity(json, response.getEntityAnnotations(), MediaType.APPLICATION_JSON_TYPE);
    }

    /**
     * Whose key it is: {@code organization:…}, {@code customer:…} or {@code operator}, or {@code invitation:<token
     * hash>} for a claim.
     */
    private Optional<String> owner(byte[] body) {
        Idempotent marked = resourceInfo.getResourceMethod().getAnnotation(Idempotent.class);
        if (marked != null && marked.scope() == Idempotent.KeyScope.INVITATION) {
            return invitationToken(body).map(token -> "invitation:" + hasher.hash(token));
        }
        Principal principal = caller.principal();
        if (principal instanceof Principal.OrganizationToken token) {
            return Optional.of("organization:" + token.organizationId());
        }
        if (principal instanceof Principal.PortalUser user) {
            return Optional.of("customer:" + user.customerId());
        }
        if (principal instanceof Principal.Operator) {
            return Optional.of("operator");
        }
        return Optional.empty();
    }

    private static Optional<String> invitationToken(byte[] body) {
        try (var reader = Jsonp.PROVIDER.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
            if (reader.readValue() instanceof JsonObject object
                    && object.get("invitation_token") instanceof JsonString token) {
                return Optional.of(token.getString());
            }
        } catch (RuntimeException notJson) {
            // The route answers a malformed body with its own 422.
        }
        return Optional.empty();
    }

    private static Response answer(IdempotencyStore.Known known) {
        if (known instanceof IdempotencyStore.Replay replay) {
            return Response.status(replay.status())
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .header(REPLAYED, "true")
                    .entity(replay.body())
                    .build();
        }
        return new ErrorMapper()
                .toResponse(
                        known instanceof IdempotencyStore.InFlight
                                ? new IdempotencyKeyInUse()
                                : new IdempotencyKeyReused());
    }

    private static RequestValidationException invalidKey(String key) {
        boolean tooLong = key.length() > MAX_KEY_LENGTH;
        return new RequestValidationException(new ValidationIssue(
                tooLong ? "string_too_long" : "string_too_short",
                List.of("header", "idempotency-key"),
                tooLong
                        ? "String should have at most " + MAX_KEY_LENGTH + " characters"
                        : "String should have at least 1 character",
                key));
    }

    /**
     * The path, and the query when there is one: a query can change what a route does ({@code DELETE} of a seat with
     * and without {@code ?at=}, a rotation with {@code revoke_previous}), so a key repeated with another query is
     * another request. Without a query the text is the path alone, as fingerprints were made before.
     */
    private static String target(ContainerRequestContext request) {
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        String path = request.getUriInfo().getPath();
        return query == null || query.isEmpty() ? path : path + "?" + query;
    }

    private static String fingerprint(String method, String path, byte[] body) {
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            sha.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
