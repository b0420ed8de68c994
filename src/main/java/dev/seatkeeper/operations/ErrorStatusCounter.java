package dev.seatkeeper.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Counts every response of the application by its status class ({@link Meters#countResponse}), whoever made it:
 * a resource, the error mapper, the edge filter's refusals, the container's error pages. {@link OperationsSetup}
 * puts it before every other filter, so it sees the status they set. Requests here are not asynchronous: the
 * status is final when the chain returns.
 */
public class ErrorStatusCounter extends HttpFilter {
    private final transient Meters meters;

    /** @param meters where the counts go */
    public ErrorStatusCounter(Meters meters) {
        this.meters = meters;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            // It leaves the application unanswered: the container turns it into a 500.
            meters.countResponse(500);
            throw e;
        }
        meters.countResponse(response.getStatus());
    }
}
