package dev.seatkeeper.portal;

import dev.seatkeeper.customers.Customer;
import dev.seatkeeper.customers.Member;
import dev.seatkeeper.customers.MemberAdditionService;
import dev.seatkeeper.customers.MemberChanges;
import dev.seatkeeper.customers.MemberListService;
import dev.seatkeeper.customers.MemberRemovalService;
import dev.seatkeeper.customers.MemberRole;
import dev.seatkeeper.customers.MemberUpdateService;
import dev.seatkeeper.customers.NewMember;
import dev.seatkeeper.platform.Page;
import dev.seatkeeper.platform.PageRequest;
import dev.seatkeeper.platform.RequestValidationException;
import dev.seatkeeper.platform.ResourceNotFound;
import dev.seatkeeper.platform.ValidationIssue;
import dev.seatkeeper.security.Principal.MemberSessionUser;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The team as its owners and billing managers manage it in the portal (contract, "Members"; Polar's
 * {@code customer_portal/endpoints/member.py}): always the caller's own customer, with Polar's portal rules on top of
 * the member rules (nobody is added as owner, nobody changes their own role or removes themselves, only the owner
 * transfers ownership).
 */
@Stateless
public class PortalMemberService {
    @PersistenceContext
    EntityManager em;

    @EJB
    MemberListService lists;

    @EJB
    MemberAdditionService additions;

    @EJB
    MemberUpdateService updates;

    @EJB
    MemberRemovalService removals;

    /** One page of the caller's customer's members, oldest first. */
    public Page<Member> list(MemberSessionUser user, PageRequest page) {
        return lists.list(
                user.organizationId(), Optional.of(user.customerId()), Optional.empty(), Optional.empty(), page);
    }

    /**
     * Adds a member to the caller's customer, or returns the member that has the e-mail already.
     *
     * @return the member; a 422 on {@code ["body","role"]} for the role {@code owner}
     */
    public Member add(MemberSessionUser user, NewMember request) {
        if (request.role() == MemberRole.OWNER) {
            throw new RequestValidationException(new ValidationIssue(
                    "value_error",
                    List.of("body", "role"),
                    "Cannot add a member as owner. There must be exactly one owner.",
                    "owner"));
        }
        Customer customer = em.find(Customer.class, user.customerId());
        return additions.add(customer, request.email(), request.name(), null, request.role());
    }

    /**
     * Changes a member's name or role. Raises {@link ResourceNotFound} "Member not found" for a member of another
     * customer, a 422 on {@code ["path","id"]} for the caller's own role, and what
     * {@link MemberUpdateService#update(Member, MemberChanges, boolean)} raises; only an owner may make another member owner.
     */
    public Member update(MemberSessionUser user, UUID memberId, MemberChanges changes) {
        Member member = teamMember(user, memberId);
        if (changes.role().isPresent()
                && changes.role().get() != member.role()
                && member.id().equals(user.memberId())) {
            throw new RequestValidationException(new ValidationIssue(
                    "value_error", List.of("path", "id"), "You cannot modify your own role.", memberId.toString()));
        }
        Member actor = em.find(Member.class, user.memberId());
        return updates.update(member, changes, actor != null && actor.role() == MemberRole.OWNER);
    }

    /**
     * Removes a member with the member cascade ({@link MemberRemovalService#delete(Member)}). Raises
     * {@link ResourceNotFound} "Member not found" and a 422 on {@code ["path","id"]} for the caller itself.
     */
    public void remove(MemberSessionUser user, UUID memberId) {
        Member member = teamMember(user, memberId);
        if (member.id().equals(user.memberId())) {
            throw new RequestValidationException(new ValidationIssue(
                    "value_error",
                    List.of("path", "id"),
                    "You cannot remove yourself from the team.",
                    memberId.toString()));
        }
        removals.delete(member);
    }

    private Member teamMember(MemberSessionUser user, UUID memberId) {
        return Optional.ofNullable(em.find(Member.class, memberId))
                .filter(m -> m.customer().id().equals(user.customerId()))
                .orElseThrow(() -> new ResourceNotFound("Member not found"));
    }
}
