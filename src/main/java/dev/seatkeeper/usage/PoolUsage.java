package dev.seatkeeper.usage;

import dev.seatkeeper.purchases.Order;
import dev.seatkeeper.purchases.SeatContainer;
import java.util.UUID;

/**
 * The payload of {@code customer_seat_pool.threshold_reached} and {@code customer_seat_pool.full}: the container
 * (exactly one of {@code subscription_id}, {@code order_id} is set, the other null), the threshold crossed in percent,
 * and the pool at that moment: seats bought, claimed and pending seats holding capacity, and those still available.
 */
public record PoolUsage(
        UUID subscriptionId, UUID orderId, int threshold, int seats, long claimed, long pending, long available) {

    /** The pool of a container whose seats holding capacity are {@code taken}, {@code claimed} of them claimed. */
    static PoolUsage of(SeatContainer container, int threshold, long taken, long claimed) {
        boolean order = container instanceof Order;
        return new PoolUsage(
                order ? null : container.id(),
                order ? container.id() : null,
                threshold,
                container.seats(),
                claimed,
                taken - claimed,
                Math.max(0, container.seats() - taken));
    }
}
