package dev.seatkeeper.idempotency;

import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Adds the {@code Idempotency-Key} header to the OpenAPI document of each operation marked {@link Idempotent}
 * (registered as {@code mp.openapi.filter}). The header is read by {@link IdempotencyFilter}, not by a resource
 * parameter, and Payara's scanner ignores a header {@code @Parameter} that names no method parameter; so the operations
 * are listed here by their operationId, which their resources fix.
 */
public class IdempotencyKeyDocumentation implements OASFilter {
    static final Set<String> OPERATIONS = Set.of(
            "customer-seats:assign_seat",
            "customer-seats:bulk_assign_seats",
            "customer-seats:claim_seat",
            "customer-seats:issue_entitlement",
            "customer-seats:resend_invitation",
            "customer-seats:revoke_seat",
            "customer-seats:transfer_seat",
            "customer_portal:seats:assign_seat",
            "customer_portal:seats:issue_entitlement",
            "customer_portal:seats:resend_invitation",
            "customer_portal:seats:revoke_seat",
            "customer_portal:seats:transfer_seat",
            "organizations:rotate_entitlement_keys");

    static final String DESCRIPTION = "Beyond Polar: up to 255 characters. A repeat with the same key and the same"
            + " request within 24 hours returns the first response (status and body) with the header"
            + " Idempotent-Replayed: true, without acting again; the key with another request: 422"
            + " IdempotencyKeyReused; while the first is still being served: 409 IdempotencyKeyInUse. Keys are scoped"
            + " to the caller (the organization, the portal customer, the operator, or for a claim the invitation).";

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getOperationId() != null && OPERATIONS.contains(operation.getOperationId())) {
            operation.addParameter(OASFactory.createParameter()
                    .name(IdempotencyFilter.HEADER)
                    .in(Parameter.In.HEADER)
                    .required(false)
                    .description(DESCRIPTION)
                    // A reference to the schema in META-INF/openapi.yaml, not one built here: Schema.type(...)
                    // changed its signature between MicroProfile OpenAPI 3 (Payara) and 4 (WildFly 39), where a
                    // call compiled against 3 fails the deployment with NoSuchMethodError.
                    .schema(OASFactory.createSchema().ref("#/components/schemas/IdempotencyKey")));
        }
        return operation;
    }
}
