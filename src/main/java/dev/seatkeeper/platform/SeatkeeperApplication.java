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
                        description = "Seat-based licensing, wire-compatible with Polar's public HTTP API."
                                + " Polar-Version: a served version (schema ApiVersion); none or empty means the"
                                + " default (2026-10), an unknown one answers 404 {\"detail\":\"Not Found\"} before"
                                + " authentication, and answers to a deprecated version (2026-04 by default) carry"
                                + " Deprecation, Sunset and Link headers. Webhook deliveries are POSTed as"
                                + " {type, timestamp, api_version, data} with webhook-id, webhook-timestamp and"
                                + " webhook-signature; an endpoint with uses_standard_webhook_signature gets both the"
                                + " Standard Webhooks and Polar's legacy signature (see the WebhookEndpoint schema)."))
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
