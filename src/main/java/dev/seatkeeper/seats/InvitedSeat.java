package dev.seatkeeper.seats;

/**
 * A seat as assigned or re-sent: with the clear invitation {@code token} and its claim link {@code url} while it is
 * pending, both {@code null} when the assignment claimed it at once. The token exists nowhere else in clear.
 */
public record InvitedSeat(CustomerSeat seat, String token, String url) {}
