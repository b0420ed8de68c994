package dev.seatkeeper.platform;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method whose calls are counted and timed under the given operation name (contract,
 * "Operations": assign, claim and revoke counts and latencies). A JAX-RS name binding, so that the resource only
 * names the operation and the measuring stays in the filter bound to it; the time covers the whole request, the
 * transaction's commit included.
 */
@NameBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface Measured {
    /** The operation's name, as it appears in the metrics' {@code operation} label. */
    String value() default "";
}
