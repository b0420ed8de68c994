package dev.seatkeeper.customers;

import dev.seatkeeper.events.EventRecorder;
import dev.seatkeeper.platform.RequestValidationException;
import dev.seatkeeper.platform.ResourceNotFound;
import dev.seatkeeper.platform.RowLock;
import dev.seatkeeper.platform.ValidationIssue;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/**
 * Changing members (contract, "Members (Polar's member API)"): name, e-mail (which follows the member onto its seats)
 * and role, with Polar's ownership rules: one owner per customer, the last one neither demoted nor removed, promotion
 * to owner a transfer. Role and e-mail changes depend on the customer's other members, so they lock the customer's row
 * first and concurrent changes are decided one after the other. {@code member.updated} is recorded for each change.
 */
@Stateless
public class MemberUpdateService {
    @PersistenceContext
    EntityManager em;

    @EJB
    EventRecorder events;

    @EJB
    MemberListService lists;

    @Inject
    Event<MemberEmailChanged> emailChanged;

    /**
     * Applies an update on the organization API, where promoting a member to {@code owner} transfers ownership: the
     * current owner becomes a {@code billing_manager} (Polar's {@code allow_ownership_transfer=True}).
     *
     * @return the updated member; raises {@link ResourceNotFound} "Member not found", {@link CannotRemoveLastOwner},
     *     a 422 on {@code ["body","email"]} for an address another member of the customer has
     */
    public Member update(UUID organizationId, CustomerRef customerRef, MemberRef memberRef, MemberChanges changes) {
        Member member = lists.member(organizationId, customerRef, memberRef);
        return update(member, changes, true);
    }

    /**
     * Updates a member. Role changes and e-mail changes lock the customer's row first. Demoting the only owner is
     * refused; promoting a member to owner demotes the current owner(s) to {@code billing_manager} when
     * {@code mayTransferOwnership}, and is a 422 on {@code ["body","role"]} otherwise. A new e-mail is refused when
     * another member of the customer has it (any case), and follows the member onto its pending and claimed seats
     * ({@link MemberEmailChanged}). {@code member.updated} is recorded for every member that changed.
     *
     * @param member a managed member
     * @param changes the fields to change
     * @param mayTransferOwnership true on the organization API and for an owner in the portal
     * @return the member
     */
    public Member update(Member member, MemberChanges changes, boolean mayTransferOwnership) {
        var role = changes.role().filter(r -> r != member.role());
        var email = changes.email().filter(e -> !e.equals(member.email()));
        if (role.isPresent() || email.isPresent()) {
            RowLock.lockById(em, "customers", member.customer().id());
            em.refresh(member);
        }
        boolean changed = false;
        if (role.isPresent() && role.get() != member.role()) {
            changeRole(member, role.get(), mayTransferOwnership);
            changed = true;
        }
        if (email.isPresent() && !email.get().equals(member.email())) {
            lists.findByEmail(member.customer(), email.get())
                    .filter(other -> !other.id().equals(member.id()))
                    .ifPresent(other -> {
                        throw new RequestValidationException(new ValidationIssue(
                                "value_error",
                                List.of("body", "email"),
                                "A member with this email already exists for this customer.",
                                email.get()));
                    });
            member.changeEmail(email.get());
            emailChanged.fire(new MemberEmailChanged(member));
            changed = true;
        }
        if (changes.name().isPresent() && !changes.name().get().equals(member.name())) {
            member.rename(changes.name().get());
            changed = true;
        }
        if (changed) {
            events.record(member.organizationId(), MemberEvents.UPDATED, MemberResponse.of(member));
        }
        return member;
    }

    private void changeRole(Member member, MemberRole role, boolean mayTransferOwnership) {
        List<Member> owners = lists.owners(member.customer());
        if (member.role() == MemberRole.OWNER && owners.size() <= 1) {
            throw new CannotRemoveLastOwner("Cannot change role. Customer must have exactly one owner.");
        }
        if (role == MemberRole.OWNER && !owners.isEmpty()) {
            if (!mayTransferOwnership) {
                throw new RequestValidationException(new ValidationIssue(
                        "value_error", List.of("body", "role"), "Only the owner can transfer ownership.", "owner"));
            }
            // Polar keeps exactly one owner: the previous one stays on as a billing manager.
            for (Member previous : owners) {
                previous.changeRole(MemberRole.BILLING_MANAGER);
                events.record(previous.organizationId(), MemberEvents.UPDATED, MemberResponse.of(previous));
            }
        }
        member.changeRole(role);
    }
}
