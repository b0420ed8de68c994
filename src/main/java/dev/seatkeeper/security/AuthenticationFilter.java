package dev.seatkeeper.security;

import dev.seatkeeper.platform.Jsonp;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one authentication point. For every route annotated with {@link RequiresScope} it reads the bearer token,
 * finds who it stands for, checks that the route accepts that kind of token and that the token holds one of the
 * route's scopes, and answers 401 or 403 with Polar's bodies and headers otherwise. Nothing of the resource runs
 * before this has passed.
 */
@Provider
@RequiresScope
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {
    // Polar's realm, kept so that clients parsing WWW-Authenticate see what they would see from Polar.
    static final String REALM = "polar";
    private static final String INVALID_TOKEN_DESCRIPTION =
            "The access token provided is expired, revoked, malformed, or invalid for other reasons.";
    private static final String INSUFFICIENT_SCOPE_DESCRIPTION =
            "The request requires higher privileges than provided by the access token.";

    @Context
    ResourceInfo resourceInfo;

    @Inject
    TokenAuthenticator authenticator;

    @Inject
    Caller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        Set<Scope> required = requiredScopes();
        Optional<String> token = bearerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (token.isEmpty()) {
            request.abortWith(unauthorized());
            return;
        }
        Optional<Principal> principal = authenticator.authenticate(token.get());
        if (principal.isEmpty()) {
            request.abortWith(invalidToken());
            return;
        }
        boolean kindAccepted =
                required.stream().anyMatch(s -> s.holder() == principal.get().kind());
        if (!kindAccepted) {
            request.abortWith(unauthorized());
            return;
        }
        if (required.stream().noneMatch(principal.get().scopes()::contains)) {
            request.abortWith(insufficientScope(required));
            return;
        }
        caller.authenticate(principal.get());
    }

    private Set<Scope> requiredScopes() {
        RequiresScope annotation = resourceInfo.getResourceMethod().getAnnotation(RequiresScope.class);
        if (annotation == null) {
            annotation = resourceInfo.getResourceClass().getAnnotation(RequiresScope.class);
        }
        var scopes = EnumSet.noneOf(Scope.class);
        if (annotation != null) {
            scopes.addAll(Arrays.asList(annotation.value()));
        }
        return scopes;
    }

    private static Optional<String> bearerToken(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String[] parts = header.strip().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer") || parts[1].isBlank()) {
            return Optional.empty();
        }
        return Optional.of(parts[1].strip());
    }

    private static Response unauthorized() {
        return Response.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\"")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Jsonp.PROVIDER
                        .createObjectBuilder()
                        .add("error", "Unauthorized")
                        .add("detail", "Unauthorized")
                        .build()
                        .toString())
                .build();
    }

    private static Response invalidToken() {
        return Response.status(401)
                .header(
                        HttpHeaders.WWW_AUTHENTICATE,
                        "Bearer realm=\"" + REALM + "\", error=\"invalid_token\", error_description=\""
                                + INVALID_TOKEN_DESCRIPTION + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Jsonp.PROVIDER
                        .createObjectBuilder()
                        .add("error", "invalid_token")
                        .add("error_description", INVALID_TOKEN_DESCRIPTION)
                        .build()
                        .toString())
                .build();
    }

    private static Response insufficientScope(Set<Scope> required) {
        String scopes = required.stream().map(Scope::wireName).collect(Collectors.joining(" "));
        return Response.status(403)
                .header(
                        HttpHeaders.WWW_AUTHENTICATE,
                        "Bearer realm=\"" + REALM + "\", scope=\"" + scopes
                                + "\", error=\"insufficient_scope\", error_description=\""
                                + INSUFFICIENT_SCOPE_DESCRIPTION + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Jsonp.PROVIDER
                        .createObjectBuilder()
                        .add("error", "insufficient_scope")
                        .add("error_description", INSUFFICIENT_SCOPE_DESCRIPTION)
                        .build()
                        .toString())
                .build();
    }
}
