package dev.seatkeeper.seats;

import dev.seatkeeper.customers.MemberResponse;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The seat bodies of Polar's API, with exactly the keys of its SDK models. */
public final class SeatResponses {
    private SeatResponses() {}

    /** Polar's CustomerSeat. The invitation token is never part of it. */
    public record CustomerSeatResponse(
            UUID id,
            OffsetDateTime createdAt,
            OffsetDateTime modifiedAt,
            UUID subscriptionId,
            UUID orderId,
            String status,
            UUID customerId,
            UUID memberId,
            MemberResponse member,
            String email,
            String customerEmail,
            OffsetDateTime invitationTokenExpiresAt,
            OffsetDateTime claimedAt,
            OffsetDateTime revokedAt,
            JsonObject seatMetadata) {
        public static CustomerSeatResponse of(CustomerSeat s) {
            return new CustomerSeatResponse(
                    s.id(),
                    s.createdAt(),
                    s.modifiedAt(),
                    s.subscription() == null ? null : s.subscription().id(),
                    s.order() == null ? null : s.order().id(),
                    s.status().wireName(),
                    s.customer() == null ? null : s.customer().id(),
                    s.member() == null ? null : s.member().id(),
                    MemberResponse.of(s.member()),
                    s.email(),
                    s.customerEmail(),
                    s.invitationTokenExpiresAt(),
                    s.claimedAt(),
                    s.revokedAt(),
                    s.seatMetadata());
        }
    }

    /**
     * The CustomerSeat of an assignment or a resend, plus the invitation itself, so that a merchant can deliver the
     * link without Seatkeeper's e-mail. No other response ever carries the token.
     */
    public record InvitedSeatResponse(
            UUID id,
            OffsetDateTime createdAt,
            OffsetDateTime modifiedAt,
            UUID subscriptionId,
            UUID orderId,
            String status,
            UUID customerId,
            UUID memberId,
            MemberResponse member,
            String email,
            String customerEmail,
            OffsetDateTime invitationTokenExpiresAt,
            OffsetDateTime claimedAt,
            OffsetDateTime revokedAt,
            JsonObject seatMetadata,
            String invitationToken,
            String invitationUrl) {
        public static InvitedSeatResponse of(InvitedSeat invited) {
            var s = CustomerSeatResponse.of(invited.seat());
            return new InvitedSeatResponse(
                    s.id(),
                    s.createdAt(),
                    s.modifiedAt(),
                    s.subscriptionId(),
                    s.orderId(),
                    s.status(),
                    s.customerId(),
                    s.memberId(),
                    s.member(),
                    s.email(),
                    s.customerEmail(),
                    s.invitationTokenExpiresAt(),
                    s.claimedAt(),
                    s.revokedAt(),
                    s.seatMetadata(),
                    invited.token(),
                    invited.url());
        }
    }

    /** Polar's CustomerSeatClaimResponse: the token is a member session when the seat has a member. */
    public record ClaimResponse(CustomerSeatResponse seat, String customerSessionToken) {}

    /** Polar's SeatClaimInfo. A seat without an e-mail (legacy model, customer without one) shows an empty one. */
    public record ClaimInfoResponse(
            String productName,
            UUID productId,
            String organizationName,
            String organizationSlug,
            String customerEmail,
            boolean canClaim) {
        public static ClaimInfoResponse of(SeatInvitation invitation) {
            var product = invitation.seat().container().product();
            var organization = invitation.organization();
            String email = invitation.seat().customerEmail();
            return new ClaimInfoResponse(
                    product.name(),
                    product.id(),
                    organization.name(),
                    organization.slug(),
                    email == null ? "" : email,
                    true);
        }
    }

    /** Polar's SeatsList. */
    public record SeatsListResponse(List<CustomerSeatResponse> seats, long availableSeats, long totalSeats) {
        public static SeatsListResponse of(SeatList listed) {
            return new SeatsListResponse(
                    listed.seats().stream().map(CustomerSeatResponse::of).toList(),
                    listed.availableSeats(),
                    listed.totalSeats());
        }
    }
}
