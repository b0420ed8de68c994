package dev.seatkeeper.seats;

import dev.seatkeeper.audit.Actor;
import dev.seatkeeper.audit.AuditAction;
import dev.seatkeeper.audit.AuditTrail;
import dev.seatkeeper.audit.SeatChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Writes each change of a seat to its history (contract, "Beyond Polar: audit trail"), in the transaction of the
 * change: the seat's side of {@link AuditTrail}. The actor is whoever calls, or the system when the scheduler applies
 * the change, named after the job: the reason the seat leaves with ({@code scheduled}, {@code expired},
 * {@code inactivity}, {@code unclaimed}, {@code period_end}; a subscription ended by its period roll is
 * {@code period_end}). The changes that move a container's seat counts (a new seat, a claim, a revoke) also write
 * their {@link SeatStep} here, so that no path records one without the other.
 */
@ApplicationScoped
public class SeatHistory {
    @Inject
    AuditTrail trail;

    @Inject
    SeatSteps steps;

    /** A new pending seat; a time-boxed one's {@code expires_set} follows. */
    void assigned(CustomerSeat seat) {
        steps.created(seat);
        write(seat, AuditAction.ASSIGNED, null, null, SeatStatus.PENDING);
        expiresSet(seat);
    }

    /** A seat assigned and claimed at once ({@code immediate_claim}): assigned, then claimed, by the caller. */
    void assignedClaimed(CustomerSeat seat) {
        steps.created(seat);
        steps.claimed(seat);
        write(seat, AuditAction.ASSIGNED, null, null, SeatStatus.PENDING);
        expiresSet(seat);
        write(seat, AuditAction.CLAIMED, null, SeatStatus.PENDING, SeatStatus.CLAIMED);
    }

    /** A claim with the invitation token: the invitation is the actor. */
    void claimed(CustomerSeat seat) {
        steps.claimed(seat);
        trail.record(
                change(seat, AuditAction.CLAIMED, null, SeatStatus.PENDING, SeatStatus.CLAIMED),
                Actor.invitation(seat.id()));
    }

    void resent(CustomerSeat seat) {
        write(seat, AuditAction.RESENT, null, SeatStatus.PENDING, SeatStatus.PENDING);
    }

    /** The seat was revoked from {@code before}; a transfer's revoke is {@code transferred_out}. */
    void revoked(CustomerSeat seat, SeatStatus before, RevocationReason reason) {
        steps.revoked(seat, before);
        var action = reason == RevocationReason.TRANSFER ? AuditAction.TRANSFERRED_OUT : AuditAction.REVOKED;
        write(seat, action, reason.wireName(), before, SeatStatus.REVOKED);
    }

    /** The new pending seat of a transfer; a time-boxed one's {@code expires_set} follows. */
    void transferredIn(CustomerSeat seat) {
        steps.created(seat);
        write(seat, AuditAction.TRANSFERRED_IN, RevocationReason.TRANSFER.wireName(), null, SeatStatus.PENDING);
        expiresSet(seat);
    }

    /** A revocation was scheduled; the reason is the one the seat will leave with. */
    void revocationScheduled(CustomerSeat seat) {
        write(
                seat,
                AuditAction.REVOCATION_SCHEDULED,
                seat.scheduledRevocation().reason().wireName(),
                seat.status(),
                seat.status());
    }

    /** A scheduled revocation was canceled; the reason is the one it would have left with. */
    void revocationCanceled(CustomerSeat seat, ScheduledRevocation canceled) {
        write(seat, AuditAction.REVOCATION_CANCELED, canceled.reason().wireName(), seat.status(), seat.status());
    }

    /** A new seat that is time-boxed got its {@code expires_at}; other seats record nothing. */
    private void expiresSet(CustomerSeat seat) {
        if (seat.revokesAt() != null && seat.scheduledRevocation() == ScheduledRevocation.EXPIRED) {
            write(
                    seat,
                    AuditAction.EXPIRES_SET,
                    RevocationReason.EXPIRED.wireName(),
                    SeatStatus.PENDING,
                    SeatStatus.PENDING);
        }
    }

    void emailChanged(CustomerSeat seat) {
        write(seat, AuditAction.EMAIL_CHANGED, null, seat.status(), seat.status());
    }

    /** The holder of an idle claimed seat was warned that it will be reclaimed (reason {@code inactivity}). */
    public void reclaimWarned(CustomerSeat seat) {
        write(seat, AuditAction.RECLAIM_WARNED, RevocationReason.INACTIVITY.wireName(), seat.status(), seat.status());
    }

    private void write(CustomerSeat seat, AuditAction action, String reason, SeatStatus from, SeatStatus to) {
        trail.record(change(seat, action, reason, from, to), systemJob(reason));
    }

    private static SeatChange change(
            CustomerSeat seat, AuditAction action, String reason, SeatStatus from, SeatStatus to) {
        return new SeatChange(
                seat.organizationId(), seat.id(), action, reason, from == null ? null : from.wireName(), to.wireName());
    }

    /** The job the system acted as, when the scheduler made the change: its reason, a subscription's end its roll. */
    private static String systemJob(String reason) {
        if (reason == null || reason.equals(RevocationReason.SUBSCRIPTION_ENDED.wireName())) {
            return RevocationReason.PERIOD_END.wireName();
        }
        return reason;
    }
}
