package dev.seatkeeper.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seatkeeper.audit.Actor;
import dev.seatkeeper.security.Principal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The actor labels of the portal's seat history: every actor type, read by the customer and by its members. */
class ActorLabelsTest {
    static final UUID ORGANIZATION = UUID.randomUUID();
    static final UUID CUSTOMER = UUID.randomUUID();
    static final UUID MANAGER = UUID.randomUUID();
    static final UUID OWNER = UUID.randomUUID();
    static final Principal.PortalUser BILLING_CUSTOMER =
            new Principal.CustomerSessionUser(ORGANIZATION, CUSTOMER, session());
    static final Principal.PortalUser BILLING_MANAGER =
            new Principal.MemberSessionUser(ORGANIZATION, CUSTOMER, MANAGER, true, session());
    static final Map<String, String> TEAM = Map.of(OWNER.toString(), "owner@example.com");

    private static Principal.CallingSession session() {
        return new Principal.CallingSession(
                UUID.randomUUID(), OffsetDateTime.now(ZoneOffset.UTC).plusHours(1), null);
    }

    private static String label(String type, String id, UUID subject, Principal.PortalUser viewer) {
        return ActorLabels.label(type, id, subject == null ? null : subject.toString(), viewer, TEAM);
    }

    @Test
    void theCallersOwnChangesAreYours() {
        assertEquals("you", label(Actor.CUSTOMER_SESSION, "s", CUSTOMER, BILLING_CUSTOMER));
        assertEquals("you", label(Actor.MEMBER_SESSION, "s", MANAGER, BILLING_MANAGER));
        assertEquals(
                "you",
                ActorLabels.label(
                        Actor.MEMBER_SESSION, "s", MANAGER.toString().toUpperCase(), BILLING_MANAGER, Map.of()),
                "ids compare regardless of case");
    }

    @Test
    void otherPortalUsersAreNamedByTheirPlaceInTheCustomer() {
        assertEquals("the billing account", label(Actor.CUSTOMER_SESSION, "s", CUSTOMER, BILLING_MANAGER));
        assertEquals(
                "a member of your team (owner@example.com)", label(Actor.MEMBER_SESSION, "s", OWNER, BILLING_MANAGER));
        assertEquals(
                "a member of your team (owner@example.com)", label(Actor.MEMBER_SESSION, "s", OWNER, BILLING_CUSTOMER));
        assertEquals(
                "a member of your team",
                label(Actor.MEMBER_SESSION, "s", UUID.randomUUID(), BILLING_CUSTOMER),
                "a member since removed has no e-mail to show");
    }

    @Test
    void everyoneElseIsNamedByWhatTheyAreNeverByAnId() {
        String token = UUID.randomUUID().toString();
        assertEquals("your organization's backend", label(Actor.ORGANIZATION_TOKEN, token, null, BILLING_CUSTOMER));
        assertEquals("the invitee (claim)", label(Actor.INVITATION, token, null, BILLING_MANAGER));
        assertEquals("the service operator", label(Actor.OPERATOR, null, null, BILLING_CUSTOMER));
        assertEquals("someone else", label("robot", token, null, BILLING_CUSTOMER));
    }

    @Test
    void theSchedulerIsNamedByItsJob() {
        Map<String, String> jobs = Map.of(
                "period_end", "system: period end",
                "scheduled", "system: scheduled",
                "expired", "system: expired",
                "inactivity", "system: inactivity",
                "unclaimed", "system: unclaimed");
        jobs.forEach((job, label) -> assertEquals(label, label(Actor.SYSTEM, job, null, BILLING_CUSTOMER)));
    }
}
