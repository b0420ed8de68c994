package dev.seatkeeper.portal;

import dev.seatkeeper.customers.MemberRequests;
import dev.seatkeeper.customers.MemberRole;
import dev.seatkeeper.platform.Ids;
import dev.seatkeeper.platform.JsonBody;
import dev.seatkeeper.platform.ListResource;
import dev.seatkeeper.platform.PageRequest;
import dev.seatkeeper.security.Caller;
import dev.seatkeeper.security.RequiresScope;
import dev.seatkeeper.security.Scope;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The portal member API (contract, "Members": {@code GET|POST /v1/customer-portal/members},
 * {@code PATCH|DELETE /v1/customer-portal/members/{id}}): member sessions of role {@code owner} or
 * {@code billing_manager} only; a plain member gets 403 {@code NotPermitted}, a customer session 401, as Polar.
 */
@ApplicationScoped
@Path("/v1/customer-portal/members")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "customer_portal")
@SecurityRequirement(name = "member_session", scopes = "customer_portal:write")
public class PortalMemberResource {
    @EJB
    PortalMemberService team;

    @Inject
    Caller caller;

    @GET
    @RequiresScope({Scope.CUSTOMER_PORTAL_READ, Scope.CUSTOMER_PORTAL_WRITE})
    @Operation(operationId = "customer_portal:members:list_members", summary = "List Members")
    @APIResponse(responseCode = "200", description = "A page of the team's members, oldest first.")
    @APIResponse(responseCode = "401", description = "Authentication required")
    @APIResponse(responseCode = "403", description = "Not permitted - requires owner or billing manager role")
    @APIResponse(responseCode = "422", description = "Validation Error")
    public ListResource<PortalMemberResponse> list(@QueryParam("page") String page, @QueryParam("limit") String limit) {
        var request = PageRequest.of(page, limit);
        var user = caller.managingMember();
        return ListResource.of(team.list(user, request).map(PortalMemberResponse::of), request);
    }

    @POST
    @RequiresScope(Scope.CUSTOMER_PORTAL_WRITE)
    @Operation(operationId = "customer_portal:members:add_member", summary = "Add Member")
    @APIResponse(responseCode = "201", description = "Member added, or the existing member with that e-mail.")
    @APIResponse(responseCode = "401", description = "Authentication required")
    @APIResponse(responseCode = "403", description = "Not permitted - requires owner or billing manager role")
    @APIResponse(responseCode = "422", description = "Validation Error (including the role owner)")
    public Response add(JsonBody body) {
        var user = caller.managingMember();
        var request = MemberRequests.create(body, MemberRole.wireNames(), false);
        return Response.status(201)
                .entity(PortalMemberResponse.of(team.add(user, request)))
                .build();
    }

    @PATCH
    @Path("/{id}")
    @RequiresScope(Scope.CUSTOMER_PORTAL_WRITE)
    @Operation(operationId = "customer_portal:members:update_member", summary = "Update Member")
    @APIResponse(responseCode = "200", description = "Member updated.")
    @APIResponse(responseCode = "401", description = "Authentication required")
    @APIResponse(responseCode = "403", description = "Not permitted - requires owner or billing manager role")
    @APIResponse(responseCode = "404", description = "Member not found.")
    @APIResponse(
            responseCode = "422",
            description = "Validation Error (own role, ownership by a non-owner), or CannotRemoveLastOwner")
    public PortalMemberResponse update(@PathParam("id") String id, JsonBody body) {
        var user = caller.managingMember();
        var memberId = Ids.path("id", id);
        var changes = MemberRequests.update(body, false);
        return PortalMemberResponse.of(team.update(user, memberId, changes));
    }

    @DELETE
    @Path("/{id}")
    @RequiresScope(Scope.CUSTOMER_PORTAL_WRITE)
    @Operation(
            operationId = "customer_portal:members:remove_member",
            summary = "Remove Member",
            description = "Revokes every seat the member holds and ends its sessions, in one transaction.")
    @APIResponse(responseCode = "204", description = "Member removed.")
    @APIResponse(responseCode = "401", description = "Authentication required")
    @APIResponse(responseCode = "403", description = "Not permitted - requires owner or billing manager role")
    @APIResponse(responseCode = "404", description = "Member not found.")
    @APIResponse(responseCode = "422", description = "Validation Error (the caller itself), or CannotRemoveLastOwner")
    public Response remove(@PathParam("id") String id) {
        var user = caller.managingMember();
        team.remove(user, Ids.path("id", id));
        return Response.noContent().build();
    }
}
