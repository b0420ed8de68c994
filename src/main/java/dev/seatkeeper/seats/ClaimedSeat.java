package dev.seatkeeper.seats;

/** A seat just claimed, and the clear token of the portal session its holder gets (member or customer session). */
public record ClaimedSeat(CustomerSeat seat, String sessionToken) {}
