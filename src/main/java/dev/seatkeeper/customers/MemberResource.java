package dev.seatkeeper.customers;

import dev.seatkeeper.platform.Ids;
import dev.seatkeeper.platform.ListResource;
import dev.seatkeeper.platform.PageRequest;
import dev.seatkeeper.security.Caller;
import dev.seatkeeper.security.RequiresScope;
import dev.seatkeeper.security.Scope;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("/v1/members")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "members")
@SecurityRequirement(name = "access_token")
public class MemberResource {
    @EJB
    MemberListService members;

    @Inject
    Caller caller;

    @GET
    @RequiresScope({Scope.MEMBERS_READ, Scope.MEMBERS_WRITE})
    @Operation(operationId = "members:list_members", summary = "List Members")
    @APIResponse(responseCode = "200", description = "A page of members, oldest first.")
    @APIResponse(responseCode = "422", description = "Validation Error")
    public ListResource<MemberResponse> list(
            @QueryParam("customer_id") String customerId,
            @QueryParam("external_customer_id") String externalCustomerId,
            @QueryParam("role") String role,
            @QueryParam("page") String page,
            @QueryParam("limit") String limit) {
        var request = PageRequest.of(page, limit);
        var byCustomer = Ids.query("customer_id", customerId);
        var byExternal = Optional.ofNullable(externalCustomerId).filter(s -> !s.isEmpty());
        var byRole = MemberRequests.roleFilter(role);
        var org = caller.organizationId();
        return ListResource.of(
                members.list(org, byCustomer, byExternal, byRole, request).map(MemberResponse::of), request);
    }
}
