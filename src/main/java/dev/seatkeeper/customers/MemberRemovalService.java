package dev.seatkeeper.customers;

import dev.seatkeeper.events.EventRecorder;
import dev.seatkeeper.platform.RowLock;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;

/**
 * Deleting members and what hangs on them (contract, "Members (Polar's member API)"): in one transaction the member's
 * seats are revoked and its sessions end ({@link MemberRemoved}, handled by seats and sessions), then
 * {@code member.deleted} is recorded. The customer's only owner cannot be deleted.
 */
@Stateless
public class MemberRemovalService {
    @PersistenceContext
    EntityManager em;

    @EJB
    EventRecorder events;

    @EJB
    MemberListService lists;

    @Inject
    Event<MemberRemoved> removed;

    /**
     * Deletes a member on the organization API.
     *
     * @see #delete(Member)
     */
    public void delete(UUID organizationId, CustomerRef customerRef, MemberRef memberRef) {
        delete(lists.member(organizationId, customerRef, memberRef));
    }

    /**
     * Deletes a member and, in the same transaction, everything hung on it: every seat it holds is revoked (each as
     * a revoke, with its {@code customer_seat.revoked} event, freeing the capacity) and its portal sessions end
     * ({@link MemberRemoved}); {@code member.deleted} is recorded with the member as it was. Raises
     * {@link CannotRemoveLastOwner} for the customer's only owner.
     *
     * @param member a managed member
     */
    public void delete(Member member) {
        if (member.role() == MemberRole.OWNER) {
            RowLock.lockById(em, "customers", member.customer().id());
            if (lists.owners(member.customer()).size() <= 1) {
                throw new CannotRemoveLastOwner("Cannot delete the only owner. Transfer ownership first.");
            }
        }
        // Of concurrent deletes of one member, the first deletes it and the others find nothing left: 404, and no
        // second member.deleted. Only the member's row is locked, which no seat assignment waits on.
        if (RowLock.lockById(em, "members", member.id()).isEmpty()) {
            throw MemberListService.memberNotFound();
        }
        var gone = MemberResponse.of(member);
        removed.fire(new MemberRemoved(member));
        // The revoked seats and ended sessions no longer point at the member once flushed; the row can go.
        em.flush();
        em.remove(member);
        events.record(member.organizationId(), MemberEvents.DELETED, gone);
    }
}
