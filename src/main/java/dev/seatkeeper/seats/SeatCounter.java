package dev.seatkeeper.seats;

import dev.seatkeeper.purchases.AssignedSeats;
import dev.seatkeeper.purchases.Order;
import dev.seatkeeper.purchases.SeatContainer;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Counts the seats that hold capacity (pending or claimed), by the container index. */
@Stateless
public class SeatCounter implements AssignedSeats {
    static final List<SeatStatus> TAKEN = List.of(SeatStatus.PENDING, SeatStatus.CLAIMED);

    @PersistenceContext
    EntityManager em;

    @Override
    public long countTaken(SeatContainer container) {
        String column = container instanceof Order ? "oneTimeOrder" : "subscription";
        return em.createQuery("select count(s) from CustomerSeat s where s." + column + ".id = :id and s.status in :taken",
                        Long.class)
                .setParameter("id", container.id()).setParameter("taken", TAKEN).getSingleResult();
    }
}
