package dev.seatkeeper.portal;

import dev.seatkeeper.audit.Actor;
import dev.seatkeeper.audit.AuditEntry;
import dev.seatkeeper.security.Principal;
import java.util.Locale;
import java.util.Map;

/**
 * An entry's actor in words its customer reads (Beyond Polar; contract, "Beyond Polar: audit trail", the portal's view
 * of a seat's history). A label never carries a token id, session id or request id: those name credentials of the
 * organization and of other people, and mean nothing to a customer.
 */
final class ActorLabels {
    static final String YOU = "you";
    static final String TEAM_MEMBER = "a member of your team";
    static final String BILLING_ACCOUNT = "the billing account";
    static final String BACKEND = "your organization's backend";
    static final String INVITEE = "the invitee (claim)";
    static final String OPERATOR = "the service operator";
    static final String SOMEONE = "someone else";

    private ActorLabels() {}

    /**
     * The label of an entry's actor ({@link AuditEntry#actorType()}, {@link AuditEntry#actorId()},
     * {@link AuditEntry#actorSubject()}) as {@code viewer} reads it: {@code "you"} for the viewer's own sessions (a
     * customer session of the viewer's customer when the viewer is that customer; a session of the viewer's member),
     * {@code "a member of your team (e-mail)"} for another member, {@code "the billing account"} for the customer's
     * own session read by a member, {@code "your organization's backend"} for an organization token, {@code "the invitee
     * (claim)"}, {@code "the service operator"}, and {@code "system: period end"} (the job's name, spaces for
     * underscores) for the scheduler.
     *
     * @param teamEmails e-mails of the viewer's customer's members by member id (as text); a member not in it (since
     *     removed) is {@code "a member of your team"}
     */
    static String label(AuditEntry entry, Principal.PortalUser viewer, Map<String, String> teamEmails) {
        return label(entry.actorType(), entry.actorId(), entry.actorSubject(), viewer, teamEmails);
    }

    /** {@link #label(AuditEntry, Principal.PortalUser, Map)} from the actor's parts. */
    static String label(
            String type, String id, String subject, Principal.PortalUser viewer, Map<String, String> teamEmails) {
        return switch (type) {
            case Actor.CUSTOMER_SESSION ->
                viewer instanceof Principal.CustomerSessionUser
                                && same(subject, viewer.customerId().toString())
                        ? YOU
                        : BILLING_ACCOUNT;
            case Actor.MEMBER_SESSION -> {
                if (viewer instanceof Principal.MemberSessionUser member
                        && same(subject, member.memberId().toString())) {
                    yield YOU;
                }
                String email = subject == null ? null : teamEmails.get(subject.toLowerCase(Locale.ROOT));
                yield email == null ? TEAM_MEMBER : TEAM_MEMBER + " (" + email + ")";
            }
            case Actor.ORGANIZATION_TOKEN -> BACKEND;
            case Actor.INVITATION -> INVITEE;
            case Actor.OPERATOR -> OPERATOR;
            case Actor.SYSTEM -> id == null ? "system" : "system: " + id.replace('_', ' ');
            default -> SOMEONE;
        };
    }

    private static boolean same(String subject, String id) {
        return subject != null && subject.equalsIgnoreCase(id);
    }
}
