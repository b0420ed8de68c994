package dev.seatkeeper.security;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scopes a route needs; a token passes when it holds at least one of them (read routes list both the read
 * and the write scope). Routes without it are public. Bound by name to {@link AuthenticationFilter}.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresScope {
    Scope[] value() default {};
}
