package dev.seatkeeper.pages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The pages at the links the API hands out (contract, "Web pages"): {@code {SEATKEEPER_PUBLIC_URL}/{slug}/portal/claim}
 * (every invitation) and {@code {SEATKEEPER_PUBLIC_URL}/{slug}/portal} (every session's {@code customer_portal_url}),
 * and the scripts and styles they load from {@code /assets/}. The same HTML serves every organization: the page reads
 * the slug and the token from its own address and asks the API.
 */
@ApplicationScoped
@Path("/")
public class PageResource {
    /** The assets the pages load, and their media types; nothing else is served from the folder. */
    private static final Map<String, String> ASSETS = Map.of(
            "pages.css", "text/css",
            "common.js", "text/javascript",
            "claim.js", "text/javascript",
            "portal.js", "text/javascript",
            "icon.svg", "image/svg+xml");

    @GET
    @Path("{slug}/portal/claim")
    @Operation(hidden = true)
    public Response claimPage(@PathParam("slug") String slug) {
        return PageFiles.answer("claim.html", "text/html", false);
    }

    @GET
    @Path("{slug}/portal")
    @Operation(hidden = true)
    public Response portalPage(@PathParam("slug") String slug) {
        return PageFiles.answer("portal.html", "text/html", false);
    }

    /** One of {@link #ASSETS}; any other name is the API's 404. */
    @GET
    @Path("assets/{name}")
    @Operation(hidden = true)
    public Response asset(@PathParam("name") String name) {
        String type = ASSETS.get(name);
        if (type == null) {
            throw new NotFoundException();
        }
        return PageFiles.answer(name, type, true);
    }
}
