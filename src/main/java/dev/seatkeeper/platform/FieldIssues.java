package dev.seatkeeper.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where {@link JsonBody} is in a request and the problems found so far, located as pydantic locates them: a body's
 * fields at {@code ["body", name]}, a nested object's at {@code ["body", outer, name]}, a list item's at
 * {@code [..., name, index]}. A nested body shares its parent's list, so one 422 lists every problem of the request.
 */
final class FieldIssues {
    private final List<Object> loc;
    private final List<ValidationIssue> issues;

    private FieldIssues(List<Object> loc, List<ValidationIssue> issues) {
        this.loc = loc;
        this.issues = issues;
    }

    /** The issues of a request body, at {@code ["body"]}, none found yet. */
    static FieldIssues ofBody() {
        return new FieldIssues(List.of("body"), new ArrayList<>());
    }

    /** The issues of an object nested at {@code loc}, recorded in this list. */
    FieldIssues nestedAt(List<Object> nestedLoc) {
        return new FieldIssues(nestedLoc, issues);
    }

    /** The location of this object itself. */
    List<Object> loc() {
        return loc;
    }

    /** The location of one field: {@code [..., name]}. */
    List<Object> at(String name) {
        var l = new ArrayList<>(loc);
        l.add(name);
        return Collections.unmodifiableList(l);
    }

    /** The location of one item of a list field: {@code [..., name, index]}. */
    List<Object> at(String name, int index) {
        var itemLoc = new ArrayList<>(at(name));
        itemLoc.add(index);
        return List.copyOf(itemLoc);
    }

    void add(ValidationIssue issue) {
        issues.add(issue);
    }

    boolean isEmpty() {
        return issues.isEmpty();
    }

    /** Throws the 422 listing every problem recorded so far, if any ({@link RequestValidationException}). */
    void check() {
        if (!issues.isEmpty()) {
            throw new RequestValidationException(issues);
        }
    }
}
