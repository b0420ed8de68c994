package dev.seatkeeper.seats;

import dev.seatkeeper.organizations.Organization;
import dev.seatkeeper.platform.Settings;
import dev.seatkeeper.platform.Timestamps;
import dev.seatkeeper.security.TokenHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Gives a pending seat a new invitation: a fresh token (stored only as its hash) with a fresh expiry, and the claim
 * link every invitation carries, {@code {SEATKEEPER_PUBLIC_URL}/{slug}/portal/claim?token=…}. The e-mail is announced
 * with {@link InvitationIssued} and goes out only if the transaction commits. A plain CDI bean: it runs in the
 * transaction of the service that calls it.
 */
@ApplicationScoped
class SeatInvitations {
    @Inject
    TokenHasher hasher;

    @Inject
    Settings settings;

    @Inject
    Event<InvitationIssued> invitations;

    /** Invites the seat's holder; a previous token of the seat stops working. */
    InvitedSeat invite(CustomerSeat seat, Organization organization) {
        String token = InvitationTokens.generate();
        seat.invite(hasher.hash(token), Timestamps.now().plus(settings.invitationTtl()));
        String url = settings.publicUrl() + "/" + organization.slug() + "/portal/claim?token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
        if (seat.customerEmail() != null) {
            invitations.fire(new InvitationIssued(
                    seat.customerEmail(),
                    seat.container().product().name(),
                    organization.name(),
                    url,
                    seat.invitationTokenExpiresAt()));
        }
        return new InvitedSeat(seat, token, url);
    }
}
