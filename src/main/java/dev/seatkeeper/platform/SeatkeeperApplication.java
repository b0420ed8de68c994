package dev.seatkeeper.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

/** Routes start at the context root; every API path carries its own {@code /v1} prefix, as Polar's do. */
@ApplicationPath("/")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Seatkeeper",
                        version = "0.1.0",
                        description = "Seat-based licensing, wire-compatible with Polar's public HTTP API."))
@SecuritySchemes({
    @SecurityScheme(
            securitySchemeName = "access_token",
            type = SecuritySchemeType.HTTP,
            scheme = "bearer",
            description = "Organization access token (polar_oat_...), or the operator token."),
    @SecurityScheme(
            securitySchemeName = "customer_session",
            type = SecuritySchemeType.HTTP,
            scheme = "bearer",
            description = "Customer session token (polar_cst_...)."),
    @SecurityScheme(
            securitySchemeName = "member_session",
            type = SecuritySchemeType.HTTP,
            scheme = "bearer",
            description = "Member session token (polar_mst_...).")
})
public class SeatkeeperApplication extends Application {

    /**
     * Jersey (Payara) would otherwise publish {@code /application.wadl}, a description of every route with the
     * runtime's version in it ("Security boundaries": nothing internal is public). RESTEasy ignores the key.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
