package dev.seatkeeper.seats;

import dev.seatkeeper.customers.MemberEmailChanged;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * A member's new e-mail goes onto its pending and claimed seats, in the updating transaction (contract, "Members";
 * Polar's {@code update_email_by_member_id}). Revoked seats keep nothing of their holder and are left alone.
 */
@Stateless
public class SeatEmailFollower {
    @PersistenceContext
    EntityManager em;

    @Inject
    SeatHistory history;

    /** Observes {@link MemberEmailChanged}: every pending or claimed seat of the member takes its new address. */
    public void follow(@Observes MemberEmailChanged changed) {
        em.createQuery(
                        "select s from CustomerSeat s where s.member.id = :id and s.status in :taken",
                        CustomerSeat.class)
                .setParameter("id", changed.member().id())
                .setParameter("taken", SeatCounter.TAKEN)
                .getResultList()
                .forEach(seat -> {
                    seat.followMemberEmail(changed.member().email());
                    history.emailChanged(seat);
                });
    }
}
