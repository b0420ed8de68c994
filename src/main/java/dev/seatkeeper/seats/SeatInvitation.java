package dev.seatkeeper.seats;

import dev.seatkeeper.organizations.Organization;

/** What an invitation link is for: the pending seat its token names, and the organization that sells it. */
public record SeatInvitation(CustomerSeat seat, Organization organization) {}
