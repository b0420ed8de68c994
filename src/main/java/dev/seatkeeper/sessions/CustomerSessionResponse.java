package dev.seatkeeper.sessions;

import dev.seatkeeper.customers.CustomerResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Polar's CustomerSession, for customer and member sessions alike. */
public record CustomerSessionResponse(
        OffsetDateTime createdAt,
        OffsetDateTime modifiedAt,
        UUID id,
        String token,
        OffsetDateTime expiresAt,
        String returnUrl,
        String customerPortalUrl,
        UUID customerId,
        CustomerResponse customer) {

    public static CustomerSessionResponse of(
            SessionService.OpenedSession s, String publicUrl, String organizationSlug) {
        String email = s.member() != null ? s.member().email() : s.customer().email();
        // Polar names the query parameter customer_session_token for member sessions too.
        String portalUrl = publicUrl + "/" + organizationSlug + "/portal?customer_session_token="
                + URLEncoder.encode(s.token(), StandardCharsets.UTF_8) + "&email="
                + URLEncoder.encode(String.valueOf(email), StandardCharsets.UTF_8);
        return new CustomerSessionResponse(
                s.createdAt(),
                null,
                s.id(),
                s.token(),
                s.expiresAt(),
                s.returnUrl(),
                portalUrl,
                s.customer().id(),
                CustomerResponse.of(s.customer()));
    }
}
