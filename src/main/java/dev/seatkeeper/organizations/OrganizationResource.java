package dev.seatkeeper.organizations;

import dev.seatkeeper.platform.Ids;
import dev.seatkeeper.platform.JsonBody;
import dev.seatkeeper.platform.ResourceNotFound;
import dev.seatkeeper.security.Caller;
import dev.seatkeeper.security.RequiresScope;
import dev.seatkeeper.security.Scope;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("/v1/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "organizations")
@SecurityRequirement(name = "access_token")
public class OrganizationResource {
    private static final String RECLAIM_DOC = "enabled (false), inactive_after_days (7 to 3650, default 30),"
            + " unclaimed_after_days (1 to 3650, or null: never), warn_days_before (0 to 30, default 7), exempt_roles"
            + " (default [\"owner\", \"billing_manager\"])";

    @EJB
    OrganizationService organizations;

    @Inject
    Caller caller;

    @POST
    @RequiresScope(Scope.ORGANIZATIONS_WRITE)
    @Operation(
            operationId = "organizations:create",
            summary = "Create Organization (operator token)",
            description = "Beyond Polar: feature_settings.seat_email_domains lists the e-mail domains seats may be"
                    + " assigned to (absent or empty: any); feature_settings.seat_capacity_alerts lists the"
                    + " percentages (1-100, default [80, 100]) at which customer_seat_pool.threshold_reached is"
                    + " recorded; feature_settings.seat_reclaim is the reclaim policy of idle seats (" + RECLAIM_DOC
                    + ").")
    @APIResponse(responseCode = "201", description = "Organization created.")
    @APIResponse(responseCode = "401", description = "Not the operator token.")
    @APIResponse(responseCode = "422", description = "Validation Error")
    public Response create(JsonBody body) {
        String name = body.requiredText("name");
        String slug = body.requiredText("slug");
        if (slug != null && !slug.matches("[a-z0-9][a-z0-9-]{1,62}[a-z0-9]")) {
            body.reject(
                    "slug",
                    "string_pattern_mismatch",
                    "Slug must be 3 to 64 lowercase letters, digits or hyphens, not starting or ending with a hyphen.");
        }
        var features = body.optionalNested("feature_settings");
        // Polar dropped the flag on 2026-09-09 (seats are always on there); here it is an operator's opt-out, so
        // leaving it out means on (contract, "Organizations and their settings").
        boolean seatBased = features.flatMap(f -> f.optionalBoolean("seat_based_pricing_enabled"))
                .orElse(true);
        // Polar turns the member model on for every new organization unless told otherwise.
        boolean memberModel =
                features.flatMap(f -> f.optionalBoolean("member_model_enabled")).orElse(true);
        List<String> domains =
                features.flatMap(OrganizationResource::seatEmailDomains).orElse(List.of());
        List<Integer> alerts =
                features.flatMap(OrganizationResource::seatCapacityAlerts).orElse(null);
        var reclaim = features.flatMap(SeatReclaimSettings::read)
                .map(SeatReclaimPolicy.DEFAULT::with)
                .orElse(SeatReclaimPolicy.DEFAULT);
        body.check();
        var created = organizations.create(new OrganizationService.NewOrganization(
                name.strip(), slug, seatBased, memberModel, domains, alerts, reclaim));
        return Response.status(201).entity(OrganizationResponse.of(created)).build();
    }

    @PATCH
    @Path("/{id}")
    @RequiresScope(Scope.ORGANIZATIONS_WRITE)
    @Operation(
            operationId = "organizations:update",
            summary = "Update Organization (operator token)",
            description =
                    "Changes the name and the feature settings (Beyond Polar: feature_settings.seat_email_domains,"
                            + " the e-mail domains seats may be assigned to; [] allows any; feature_settings.seat_capacity_alerts,"
                            + " the capacity alert percentages; feature_settings.seat_reclaim,"
                            + " the reclaim policy of idle seats: " + RECLAIM_DOC + ", applied at the scheduler's next"
                            + " run); fields left out keep their value.")
    @APIResponse(responseCode = "200", description = "The updated organization.")
    @APIResponse(responseCode = "404", description = "Organization not found.")
    @APIResponse(responseCode = "422", description = "Validation Error")
    public OrganizationResponse update(@PathParam("id") String id, JsonBody body) {
        UUID organizationId = Ids.path("id", id);
        String name = body.has("name") ? body.requiredText("name") : null;
        var features = body.optionalNested("feature_settings");
        Boolean seatBased = features.flatMap(f -> f.optionalBoolean("seat_based_pricing_enabled"))
                .orElse(null);
        Boolean memberModel =
                features.flatMap(f -> f.optionalBoolean("member_model_enabled")).orElse(null);
        List<String> domains =
                features.flatMap(OrganizationResource::seatEmailDomains).orElse(null);
        List<Integer> alerts =
                features.flatMap(OrganizationResource::seatCapacityAlerts).orElse(null);
        var reclaim = features.flatMap(SeatReclaimSettings::read).orElse(null);
        body.check();
        return OrganizationResponse.of(organizations.update(
                organizationId, name == null ? null : name.strip(), seatBased, memberModel, domains, alerts, reclaim));
    }

    /**
     * {@code feature_settings.seat_email_domains} (Beyond Polar): a list of domain names, normalized to lower case;
     * {@code null} or absent leaves it out, an empty list allows any domain. A value that is not a domain name, or
     * more than {@link SeatEmailDomains#MAX_DOMAINS} of them, is a 422 at {@code [..., "seat_email_domains"]}.
     */
    private static Optional<List<String>> seatEmailDomains(JsonBody features) {
        return features.optionalStringList("seat_email_domains").map(given -> {
            if (given.size() > SeatEmailDomains.MAX_DOMAINS) {
                features.reject(
                        "seat_email_domains",
                        "too_long",
                        "List should have at most " + SeatEmailDomains.MAX_DOMAINS + " items after validation, not "
                                + given.size());
                return List.of();
            }
            var result = SeatEmailDomains.normalize(given);
            result.invalid()
                    .ifPresent(bad -> features.reject(
                            "seat_email_domains", "value_error", "Value error, Not a domain name: " + bad));
            return result.domains();
        });
    }

    /**
     * {@code feature_settings.seat_capacity_alerts} (Beyond Polar): a list of integer percentages, each 1 to 100 (else
     * 422 {@code greater_than_equal} / {@code less_than_equal} / {@code int_type} at the item), at most
     * {@link SeatCapacityAlerts#MAX_THRESHOLDS}; kept ascending without duplicates. Absent or {@code null} leaves it
     * out (the default on create, unchanged on update); an empty list turns threshold events off (full still fires).
     */
    private static Optional<List<Integer>> seatCapacityAlerts(JsonBody features) {
        return features.optionalIntegerList("seat_capacity_alerts", 1, 100).map(given -> {
            if (given.size() > SeatCapacityAlerts.MAX_THRESHOLDS) {
                features.reject(
                        "seat_capacity_alerts",
                        "too_long",
                        "List should have at most " + SeatCapacityAlerts.MAX_THRESHOLDS
                                + " items after validation, not " + given.size());
            }
            return SeatCapacityAlerts.normalize(given);
        });
    }

    @GET
    @Path("/{id}")
    @RequiresScope({Scope.ORGANIZATIONS_READ})
    @Operation(operationId = "organizations:get", summary = "Get Organization")
    @APIResponse(responseCode = "200", description = "The token's own organization.")
    @APIResponse(responseCode = "404", description = "Organization not found.")
    @APIResponse(responseCode = "422", description = "Validation Error")
    public OrganizationResponse get(@PathParam("id") String id) {
        UUID organizationId = Ids.path("id", id);
        if (!organizationId.equals(caller.organizationId())) {
            throw new ResourceNotFound("Organization not found");
        }
        return OrganizationResponse.of(organizations.get(organizationId));
    }
}
