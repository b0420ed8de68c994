package dev.seatkeeper.seats;

import dev.seatkeeper.events.EventRecorder;
import dev.seatkeeper.seats.SeatResponses.CustomerSeatResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Records a seat's webhook events ({@code customer_seat.assigned}, {@code .claimed}, {@code .revoked}) in the outbox,
 * in the transaction of the change, with the seat in Polar's CustomerSeat shape as the payload. A plain CDI bean: it
 * writes in the transaction of the service that calls it.
 */
@ApplicationScoped
class SeatEvents {
    static final String ASSIGNED = "customer_seat.assigned";
    static final String CLAIMED = "customer_seat.claimed";
    static final String REVOKED = "customer_seat.revoked";

    @Inject
    EventRecorder events;

    void assigned(CustomerSeat seat) {
        record(seat, ASSIGNED);
    }

    void claimed(CustomerSeat seat) {
        record(seat, CLAIMED);
    }

    void revoked(CustomerSeat seat) {
        record(seat, REVOKED);
    }

    private void record(CustomerSeat seat, String type) {
        events.record(seat.organizationId(), type, CustomerSeatResponse.of(seat));
    }
}
