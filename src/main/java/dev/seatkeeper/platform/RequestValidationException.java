package dev.seatkeeper.platform;

import jakarta.ejb.ApplicationException;
import java.util.List;

/** Input that does not have the required shape; answered with 422 and the list of every problem found. */
@ApplicationException(rollback = true)
public class RequestValidationException extends RuntimeException {
    private final List<ValidationIssue> issues;

    public RequestValidationException(List<ValidationIssue> issues) {
        super(issues.isEmpty() ? "Request validation failed" : issues.get(0).msg());
        this.issues = List.copyOf(issues);
    }

    public RequestValidationException(ValidationIssue issue) {
        this(List.of(issue));
    }

    public List<ValidationIssue> issues() {
        return issues;
    }
}
