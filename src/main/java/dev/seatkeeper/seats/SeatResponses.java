package dev.seatkeeper.seats;

import dev.seatkeeper.customers.MemberResponse;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The seat bodies of Polar's API, with exactly the keys of its SDK models. */
public final class SeatResponses {
    private SeatResponses() {}

    /**
     * Polar's CustomerSeat. The invitation token is never part of it. Beyond Polar, additive (Polar's SDKs ignore
     * them): {@code revokes_at} (when a scheduled revocation takes effect, null when none is) and
     * {@code revocation_reason} (why a revoked seat was revoked, null otherwise), {@code last_active_at} (the last
     * activity reported) and {@code reclaim_at} (when an idle seat is reclaimed, null unless a warning is pending);
     * contract, "Beyond Polar, general rules for what follows".
     */
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
            JsonObject seatMetadata,
            OffsetDateTime revokesAt,
            String revocationReason,
            OffsetDateTime lastActiveAt,
            OffsetDateTime reclaimAt) {
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
                    s.seatMetadata(),
                    s.revokesAt(),
                    s.revocationReason() == null ? null : s.revocationReason().wireName(),
                    s.lastActiveAt(),
                    s.reclaimAt());
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
            OffsetDateTime revokesAt,
            String revocationReason,
            OffsetDateTime lastActiveAt,
            OffsetDateTime reclaimAt,
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
                    s.revokesAt(),
                    s.revocationReason(),
                    s.lastActiveAt(),
                    s.reclaimAt(),
                    invited.token(),
                    invited.url());
        }
    }

    /**
     * A transfer's answer on organization routes (Beyond Polar): the revoked seat, and the new seat with its
     * invitation.
     */
    public record TransferResponse(CustomerSeatResponse revoked, InvitedSeatResponse seat) {
        public static TransferResponse of(TransferredSeat transferred) {
            return new TransferResponse(
                    CustomerSeatResponse.of(transferred.revoked()), InvitedSeatResponse.of(transferred.seat()));
        }
    }

    /** A transfer's answer on portal routes: as {@link TransferResponse}, but no invitation reaches a portal caller. */
    public record PortalTransferResponse(CustomerSeatResponse revoked, CustomerSeatResponse seat) {
        public static PortalTransferResponse of(TransferredSeat transferred) {
            return new PortalTransferResponse(
                    CustomerSeatResponse.of(transferred.revoked()),
                    CustomerSeatResponse.of(transferred.seat().seat()));
        }
    }

    /**
     * A bulk assignment's answer (Beyond Polar): one result per item in request order, each either
     * {@link BulkItemAssigned} or {@link BulkItemRefused}; how many were assigned; the seats left free.
     */
    public record BulkAssignResponse(List<Object> results, int assigned, long availableSeats) {
        public static BulkAssignResponse of(SeatBulkService.BulkResult bulk) {
            List<Object> results = bulk.results().stream()
                    .map(r -> r.seat() != null
                            ? (Object) new BulkItemAssigned(r.index(), r.status(), InvitedSeatResponse.of(r.seat()))
                            : new BulkItemRefused(r.index(), r.status(), r.error()))
                    .toList();
            return new BulkAssignResponse(results, bulk.assigned(), bulk.availableSeats());
        }
    }

    /** An item assigned: the seat with its invitation (in a dry run, the seat that would be stored, no invitation). */
    public record BulkItemAssigned(int index, int status, InvitedSeatResponse seat) {}

    /** An item refused: the status and the {@code {"error", "detail"}} body the single assign would answer. */
    public record BulkItemRefused(int index, int status, JsonObject error) {}

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
        /** From the seat an invitation names (as {@code SeatClaimService.invitation} reads it). */
        public static ClaimInfoResponse of(CustomerSeat invited) {
            var product = invited.container().product();
            var organization = invited.organization();
            String email = invited.customerEmail();
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
