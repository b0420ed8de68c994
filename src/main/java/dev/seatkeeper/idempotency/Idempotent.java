package dev.seatkeeper.idempotency;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that honours an {@code Idempotency-Key} header ({@link IdempotencyFilter}). {@link #scope}
 * says whose keys they are: the authenticated caller's (an organization, or a portal user's customer), or, on the
 * public claim route, the invitation the body names.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Idempotent {
    KeyScope scope() default KeyScope.CALLER;

    /** Whose keys a route's keys are. */
    enum KeyScope {
        /** The organization of an access token, or the customer of a portal session (customer or member). */
        CALLER,
        /** The invitation named by the body's {@code invitation_token} (the claim route has no other credential). */
        INVITATION
    }
}
