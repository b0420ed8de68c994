package dev.seatkeeper.seats;

import java.util.List;

/**
 * The seats of one container as a list shows them (oldest first; narrowed by status and page when asked), and the
 * container's capacity: {@code availableSeats} and {@code totalSeats} always count every seat. {@code capacityAlert}
 * is the percentage of the pool taken (pending + claimed) at which the organization is first alerted: the lowest of its
 * {@code seat_capacity_alerts}, or 100 when it lists none (the pool's {@code full} event is always recorded).
 */
public record SeatList(List<CustomerSeat> seats, long availableSeats, long totalSeats, int capacityAlert) {}
