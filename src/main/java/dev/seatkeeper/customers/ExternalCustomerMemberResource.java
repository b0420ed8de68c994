package dev.seatkeeper.customers;

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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The members of a customer named by the merchant's external id, each member by its external id (contract,
 * "Members (Polar's member API)"; Polar's {@code /v1/customers/external/{external_id}/members} routes).
 */
@ApplicationScoped
@Path("/v1/customers/external/{external_id}/members")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "customers")
@SecurityRequirement(name = "access_token")
public class ExternalCustomerMemberResource {
    /** The roles a create accepts: ownership comes with the customer, or moves by an update (Polar). */
    private static final List<String> CREATE_ROLES = List.of("member", "billing_manager");

    @EJB
    MemberListService lists;

    @EJB
    MemberAdditionService additions;

    @EJB
    MemberUpdateService updates;

    @EJB
    MemberRemovalService removals;

    @Inject
    Caller caller;

    @POST
    @RequiresScope(Scope.MEMBERS_WRITE)
    @Operation(operationId = "customers:members:create_external", summary = "Create Member by Customer External ID")
    @APIResponse(responseCode = "201", description = "Member created, or the existing member with that e-mail.")
    @APIResponse(responseCode = "403", description = "Member management is not enabled for this organization.")
    @APIResponse(responseCode = "404", description = "Customer not found.")
    @APIResponse(responseCode = "422", description = "Validation Error")
    public Response create(@PathParam("external_id") String customer, JsonBody body) {
        var ref = customer(customer);
        var request = MemberRequests.create(body, CREATE_ROLES, true);
        var member = additions.create(caller.organizationId(), ref, request);
        return Response.status(201).entity(MemberResponse.of(member)).build();
    }

    @GET
    @RequiresScope({Scope.MEMBERS_READ, Scope.MEMBERS_WRITE})
    @Operation(operationId = "customers:members:list_external", summary = "List Members by Customer External ID")
    @APIResponse(responseCode = "200", description = "A page of the customer's members, oldest first.")
    @APIResponse(responseCode = "404", description = "Customer not found.")
    @APIResponse(responseCode = "422", description = "Validation Error")
    public ListResource<MemberResponse> list(
            @PathParam("external_id") String customer,
            @QueryParam("role") String role,
            @QueryParam("page") String page,
            @QueryParam("limit") String limit) {
        var request = PageRequest.of(page, limit);
        var ref = customer(customer);
        var byRole = MemberRequests.roleFilter(role);
        return ListResource.of(
                lists.list(caller.organizationId(), ref, byRole, request).map(MemberResponse::of), request);
    }

    @GET
    @Path("/{member_external_id}")
    @RequiresScope({Scope.MEMBERS_READ, Scope.MEMBERS_WRITE})
    @Operation(operationId = "customers:members:get_external", summary = "Get Member by Customer External ID")
    @APIResponse(responseCode = "200", description = "Member retrieved.")
    @APIResponse(responseCode = "404", description = "Member not found.")
    @APIResponse(responseCode = "422", description = "Validation Error")
    public MemberResponse get(
            @PathParam("external_id") String customer, @PathParam("member_external_id") String member) {
        var customerRef = customer(customer);
        return MemberResponse.of(lists.member(caller.organizationId(), customerRef, member(member)));
    }

    @PATCH
    @Path("/{member_external_id}")
    @RequiresScope(Scope.MEMBERS_WRITE)
    @Operation(
            operationId = "customers:members:update_external",
            summary = "Update Member by Customer External ID",
            description = "Only name, email and role can be updated. Promoting a member to owner makes the current"
                    + " owner a billing manager; the only owner cannot be demoted.")
    @APIResponse(responseCode = "200", description = "Member updated.")
    @APIResponse(responseCode = "404", description = "Member not found.")
    @APIResponse(
            responseCode = "422",
            description = "Validation Error, an e-mail another member has, or CannotRemoveLastOwner")
    public MemberResponse update(
            @PathParam("external_id") String customer, @PathParam("member_external_id") String member, JsonBody body) {
        var customerRef = customer(customer);
        var memberRef = member(member);
        var changes = MemberRequests.update(body, true);
        return MemberResponse.of(updates.update(caller.organizationId(), customerRef, memberRef, changes));
    }

    @DELETE
    @Path("/{member_external_id}")
    @RequiresScope(Scope.MEMBERS_WRITE)
    @Operation(
            operationId = "customers:members:delete_external",
            summary = "Delete Member by Customer External ID",
            description = "Revokes every seat the member holds and ends its sessions, in one transaction.")
    @APIResponse(responseCode = "204", description = "Member deleted.")
    @APIResponse(responseCode = "404", description = "Member not found.")
    @APIResponse(responseCode = "422", description = "Validation Error, or CannotRemoveLastOwner")
    public Response delete(@PathParam("external_id") String customer, @PathParam("member_external_id") String member) {
        var customerRef = customer(customer);
        var memberRef = member(member);
        removals.delete(caller.organizationId(), customerRef, memberRef);
        return Response.noContent().build();
    }

    private static CustomerRef customer(String externalId) {
        return CustomerRef.byExternalId(externalId);
    }

    private static MemberRef member(String externalMemberId) {
        return MemberRef.byExternalId(externalMemberId);
    }
}
