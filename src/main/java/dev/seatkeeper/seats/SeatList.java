package dev.seatkeeper.seats;

import java.util.List;

/**
 * The seats of one container as a list shows them (oldest first; narrowed by status and page when asked), and the
 * container's capacity: {@code availableSeats} and {@code totalSeats} always count every seat.
 */
public record SeatList(List<CustomerSeat> seats, long availableSeats, long totalSeats) {}
