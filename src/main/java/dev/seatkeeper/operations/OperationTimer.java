package dev.seatkeeper.operations;

import dev.seatkeeper.platform.Measured;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Times every request of a resource method marked {@link Measured} and records it in {@link Meters} under the
 * operation's name, with the outcome its status says. It runs before authentication, so refused requests are
 * counted too; a refused or failed request still passes the response filters, mapped to its error response.
 */
@Provider
@Measured
@Priority(Priorities.AUTHENTICATION - 100)
public class OperationTimer implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String STARTED = OperationTimer.class.getName() + ".started";

    @Context
    ResourceInfo resourceInfo;

    @Inject
    Meters meters;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(STARTED) instanceof Long started) {
            meters.recordOperation(operation(), response.getStatus(), System.nanoTime() - started);
        }
    }

    private String operation() {
        Measured measured = resourceInfo.getResourceMethod().getAnnotation(Measured.class);
        if (measured == null) {
            measured = resourceInfo.getResourceClass().getAnnotation(Measured.class);
        }
        return measured.value();
    }
}
