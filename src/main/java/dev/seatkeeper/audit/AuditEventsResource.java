package dev.seatkeeper.audit;

import dev.seatkeeper.platform.Accepts;
import dev.seatkeeper.platform.Jsonp;
import dev.seatkeeper.security.Caller;
import dev.seatkeeper.security.RequiresScope;
import dev.seatkeeper.security.Scope;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /v1/audit-events} and {@code GET /v1/audit-events/verify} (Beyond Polar, {@code audit:read}; contract,
 * "Beyond Polar: audit trail"): the organization's seat history entries, and the check of their hash chain.
 */
@ApplicationScoped
@Path("/v1/audit-events")
@Tag(name = "audit")
@SecurityRequirement(name = "access_token")
public class AuditEventsResource {
    /** Entries read per query while an NDJSON export streams. */
    static final int EXPORT_PAGE = 1000;

    @EJB
    AuditLog log;

    @Inject
    Caller caller;

    @GET
    @Produces({MediaType.APPLICATION_JSON, Accepts.NDJSON})
    @RequiresScope(Scope.AUDIT_READ)
    @Operation(
            operationId = "audit_events:list",
            summary = "List Audit Events (Beyond Polar)",
            description = "The organization's seat history entries, newest first: `{items, next_cursor}`; pass"
                    + " `next_cursor` as `cursor` for the next page (null on the last). Every entry comes exactly"
                    + " once however many are written while paging. `from` (inclusive) and `to` (exclusive): ISO-8601"
                    + " instants, or UTC dates (`to` includes its day). `limit` 1-1000, default 100. With `Accept:"
                    + " application/x-ndjson`, every entry in the window, one per line, oldest first (the chain's"
                    + " order), without paging.")
    @APIResponse(responseCode = "200", description = "A page of entries, or all of them as NDJSON.")
    @APIResponse(responseCode = "422", description = "Validation Error")
    public Response list(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor,
            @Context HttpServletRequest request) {
        var query = AuditQuery.of(from, to, limit, cursor);
        UUID organizationId = caller.organizationId();
        if (Accepts.prefers(request, Accepts.NDJSON)) {
            log.linkAll(organizationId);
            return Response.ok(export(organizationId, query), Accepts.NDJSON).build();
        }
        // One more than the page: whether a next page exists without counting.
        List<AuditEntry> entries =
                log.newestFirst(organizationId, query.beforeSeq(), query.from(), query.to(), query.limit() + 1);
        boolean more = entries.size() > query.limit();
        var page = more ? entries.subList(0, query.limit()) : entries;
        var items = Jsonp.PROVIDER.createArrayBuilder();
        page.forEach(entry -> items.add(EntryJson.of(entry)));
        var body = Jsonp.PROVIDER.createObjectBuilder().add("items", items);
        if (more) {
            body.add(
                    "next_cursor",
                    AuditQuery.cursorAfter(page.get(page.size() - 1).seq()));
        } else {
            body.add("next_cursor", JsonValue.NULL);
        }
        return Response.ok(body.build().toString(), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/verify")
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresScope(Scope.AUDIT_READ)
    @Operation(
            operationId = "audit_events:verify",
            summary = "Verify the Audit Trail (Beyond Polar)",
            description = "Recomputes the organization's hash chain from its first entry: `{entries, ok: true}`, or"
                    + " `{entries, ok: false, first_broken: <entry as stored>, expected_hash}` naming the first entry"
                    + " whose `seq` or `hash` breaks the chain (`first_broken` null and `missing_entries: true` when"
                    + " entries were taken off its end).")
    @APIResponse(responseCode = "200", description = "The verification.")
    public String verify() {
        var verification = log.verify(caller.organizationId());
        var body = Jsonp.PROVIDER
                .createObjectBuilder()
                .add("entries", verification.entries())
                .add("ok", verification.ok());
        if (!verification.ok()) {
            verification
                    .firstBroken()
                    .ifPresentOrElse(
                            entry -> body.add("first_broken", EntryJson.of(entry))
                                    .add("expected_hash", verification.expectedHash()),
                            () -> body.addNull("first_broken").add("missing_entries", true));
        }
        return body.build().toString();
    }

    /** Every entry of the window, oldest first, a page of {@value #EXPORT_PAGE} per query while it streams. */
    private StreamingOutput export(UUID organizationId, AuditQuery query) {
        return out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            long after = 0;
            List<AuditEntry> page;
            do {
                page = log.oldestFirst(organizationId, after, query.from(), query.to(), EXPORT_PAGE);
                for (AuditEntry entry : page) {
                    writer.write(EntryJson.of(entry).toString());
                    writer.write('\n');
                    after = entry.seq();
                }
                writer.flush();
            } while (page.size() == EXPORT_PAGE);
        };
    }
}
