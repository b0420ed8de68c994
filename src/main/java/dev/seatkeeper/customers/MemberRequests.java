package dev.seatkeeper.customers;

import dev.seatkeeper.platform.JsonBody;
import dev.seatkeeper.platform.RequestValidationException;
import dev.seatkeeper.platform.ValidationIssue;
import java.util.List;
import java.util.Optional;

/**
 * Reads the member bodies and query parameters of the member routes with Polar's validation (its
 * {@code MemberCreateFromCustomer}, {@code MemberUpdate}, {@code CustomerPortalMemberCreate|Update}): each problem is
 * collected and the whole body refused with one 422.
 */
public final class MemberRequests {
    private MemberRequests() {}

    /**
     * A create body {@code {email, name?, external_id?, role?}}.
     *
     * @param roles the roles the route accepts ({@code member} and {@code billing_manager} on the organization API,
     *     where ownership comes with the customer; Polar's portal accepts the enum and refuses {@code owner} itself)
     * @param withExternalId whether {@code external_id} is read (the portal has none)
     * @return the member to add; raises {@link RequestValidationException} (422)
     */
    public static NewMember create(JsonBody body, List<String> roles, boolean withExternalId) {
        String email = email(body, true).orElse(null);
        String name = name(body).orElse(null);
        String externalId = withExternalId
                ? body.optionalString("external_id").filter(s -> !s.isEmpty()).orElse(null)
                : null;
        MemberRole role =
                body.optionalEnum("role", roles).flatMap(MemberRole::fromWire).orElse(MemberRole.MEMBER);
        body.check();
        return new NewMember(email.strip(), name, externalId, role);
    }

    /**
     * An update body {@code {name?, email?, role?}}; null or absent fields stay as they are.
     *
     * @param withEmail whether {@code email} may change (the portal changes name and role only)
     * @return the changes; raises {@link RequestValidationException} (422)
     */
    public static MemberChanges update(JsonBody body, boolean withEmail) {
        Optional<String> name = name(body);
        Optional<String> email = withEmail ? email(body, false).map(String::strip) : Optional.empty();
        Optional<MemberRole> role =
                body.optionalEnum("role", MemberRole.wireNames()).flatMap(MemberRole::fromWire);
        body.check();
        return new MemberChanges(name, email, role);
    }

    /**
     * The {@code role} query filter of the list routes.
     *
     * @return the role, empty when absent or empty; raises a 422 {@code enum} on {@code ["query","role"]}
     */
    public static Optional<MemberRole> roleFilter(String role) {
        return Optional.ofNullable(role)
                .filter(s -> !s.isEmpty())
                .map(r -> MemberRole.fromWire(r)
                        .orElseThrow(() -> new RequestValidationException(new ValidationIssue(
                                "enum",
                                List.of("query", "role"),
                                "Input should be 'owner', 'billing_manager' or 'member'",
                                r))));
    }

    /** Polar's MemberNameInput: at most 256 characters, an empty string means none. */
    private static Optional<String> name(JsonBody body) {
        return body.optionalString("name", 256).filter(s -> !s.isEmpty());
    }

    private static Optional<String> email(JsonBody body, boolean required) {
        Optional<String> email = required
                ? Optional.ofNullable(body.requiredString("email", Emails.MAX_LENGTH))
                : body.optionalString("email", Emails.MAX_LENGTH);
        email.ifPresent(e ->
                Emails.problem(e).ifPresent(reason -> body.reject("email", "value_error", Emails.message(reason))));
        return email;
    }
}
