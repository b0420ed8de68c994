package dev.seatkeeper.reclaim;

import dev.seatkeeper.platform.Settings;
import dev.seatkeeper.platform.Timestamps;
import dev.seatkeeper.seats.CustomerSeat;
import dev.seatkeeper.security.TokenFormat;
import dev.seatkeeper.security.TokenHasher;
import dev.seatkeeper.sessions.MemberSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The "keep my seat" link of a warning e-mail: {@code {SEATKEEPER_PUBLIC_URL}/{slug}/portal?customer_session_token=…
 * &keep_seat={seat id}}, whose page reports the holder's activity with the portal's own activity route. The holder may
 * have no session when the mail comes (sessions last {@code SEATKEEPER_SESSION_TTL}, a warning days), so the link
 * carries a member session of the holder that lasts until the reclaim; a reclaim that happens ends it with the
 * holder's other sessions. A plain CDI bean: the session is stored in the warning's transaction.
 */
@ApplicationScoped
class KeepLinks {
    @PersistenceContext
    EntityManager em;

    @Inject
    Settings settings;

    @Inject
    TokenHasher hasher;

    /** The e-mail to send for a seat just warned; empty when no mail goes out (no SMTP, no holder, no address). */
    Optional<ReclaimWarned> forWarning(CustomerSeat seat) {
        if (settings.smtp().isEmpty() || seat.member() == null || seat.customerEmail() == null) {
            return Optional.empty();
        }
        return Optional.of(new ReclaimWarned(
                seat.customerEmail(),
                seat.container().product().name(),
                seat.organization().name(),
                seat.reclaimAt(),
                link(seat)));
    }

    /**
     * The link for a warned seat that has a member ({@code reclaim_at} set), with a new member session of the holder
     * stored in the caller's transaction, lasting until {@code reclaim_at} or SEATKEEPER_SESSION_TTL from now,
     * whichever is later.
     */
    String link(CustomerSeat seat) {
        String token = TokenFormat.generate(TokenFormat.MEMBER_SESSION);
        OffsetDateTime minimum = Timestamps.now().plus(settings.sessionTtl());
        OffsetDateTime expiresAt = seat.reclaimAt().isAfter(minimum) ? seat.reclaimAt() : minimum;
        em.persist(new MemberSession(seat.member(), hasher.hash(token), expiresAt, null));
        return settings.publicUrl() + "/" + seat.organization().slug() + "/portal?customer_session_token=" + token
                + "&keep_seat=" + seat.id();
    }
}
