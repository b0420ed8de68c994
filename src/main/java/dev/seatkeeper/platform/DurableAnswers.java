package dev.seatkeeper.platform;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * Holds back the successful answer to a request that may have changed data until the change is on disk
 * ({@link GroupCommit}; contract, "Operations"). Runs after the resource returned, so after its transaction
 * committed, and before the body is written. Reads, and refusals (which change nothing), pass at once.
 */
@Provider
public class DurableAnswers implements ContainerResponseFilter {
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    GroupCommit groupCommit;

    /** Takes the request and its answer; waits for {@link GroupCommit#awaitDurable} on a 2xx answer to a write. */
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() / 100 == 2 && !READS.contains(request.getMethod())) {
            groupCommit.awaitDurable();
        }
    }
}
