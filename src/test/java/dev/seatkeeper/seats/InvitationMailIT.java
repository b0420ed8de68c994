package dev.seatkeeper.seats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.seatkeeper.testing.ApiTest;
import dev.seatkeeper.testing.Fixtures;
import jakarta.json.Json;
import jakarta.mail.internet.MimeMessage;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Invitation e-mail through a real SMTP server: this class runs in its own failsafe execution, where the service is
 * configured with SEATKEEPER_SMTP_HOST and _PORT pointing at the server started here.
 */
class InvitationMailIT extends ApiTest {
    private static final Pattern LINK =
            Pattern.compile("http://localhost:8080/([a-z0-9-]+)/portal/claim\\?token=([A-Za-z0-9_-]{43})");

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(
                    Integer.getInteger("seatkeeper.test.smtpPort"), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    Fixtures.Tenant tenant;
    String productName;
    String subscriptionId;

    @BeforeEach
    void setUp() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        tenant = fixtures.tenant(true, true);
        var product = fixtures.product(tenant, "month");
        productName = product.getString("name");
        String customerId = fixtures.customer(tenant, Fixtures.email("billing")).getString("id");
        subscriptionId = fixtures.subscription(tenant, product.getString("id"), customerId, 3)
                .getString("id");
    }

    private MimeMessage onlyMessageTo(String email) throws Exception {
        assertTrue(smtp.waitForIncomingEmail(20_000, 1), "an e-mail arrived");
        var messages = smtp.getReceivedMessagesForDomain(email);
        assertEquals(1, messages.length);
        return messages[0];
    }

    @Test
    void invitationMailCarriesTheLinkThatClaimsTheSeat() throws Exception {
        String email = Fixtures.email("mailed");
        var seat = fixtures.assign(tenant, subscriptionId, email);
        var message = onlyMessageTo(email);
        assertEquals("You've been invited to access " + productName, message.getSubject());
        assertEquals("seats@shop.example", message.getFrom()[0].toString());
        var link = LINK.matcher(GreenMailUtil.getBody(message).replace("=\r\n", ""));
        assertTrue(link.find(), GreenMailUtil.getBody(message));
        assertEquals(tenant.slug(), link.group(1));
        assertEquals(seat.getString("invitation_token"), link.group(2));
        assertEquals(seat.getString("invitation_url"), link.group(0));

        var claimed = fixtures.claim(link.group(2));
        assertEquals("claimed", claimed.getJsonObject("seat").getString("status"));
    }

    @Test
    void resentInvitationReplacesTheOldToken() throws Exception {
        String email = Fixtures.email("resent");
        var seat = fixtures.assign(tenant, subscriptionId, email);
        String oldToken = seat.getString("invitation_token");
        onlyMessageTo(email);
        smtp.purgeEmailFromAllMailboxes();

        var resent = api.post("/v1/customer-seats/" + seat.getString("id") + "/resend", tenant.token(), "");
        assertEquals(200, resent.status(), resent.toString());
        String newToken = resent.string("invitation_token");
        var link = LINK.matcher(GreenMailUtil.getBody(onlyMessageTo(email)).replace("=\r\n", ""));
        assertTrue(link.find());
        assertEquals(newToken, link.group(2));

        var refused = api.post(
                "/v1/customer-seats/claim",
                null,
                Json.createObjectBuilder().add("invitation_token", oldToken).build());
        assertEquals(400, refused.status(), "the old token died with the resend");
        assertEquals("claimed", fixtures.claim(newToken).getJsonObject("seat").getString("status"));
    }

    @Test
    void aSeatSurvivesAMailServerThatIsDown() throws Exception {
        smtp.stop();
        try {
            var seat = fixtures.assign(tenant, subscriptionId, Fixtures.email("unreachable"));
            var listed = api.get("/v1/customer-seats?subscription_id=" + subscriptionId, tenant.token())
                    .json();
            assertEquals(
                    seat.getString("id"),
                    listed.getJsonArray("seats").getJsonObject(0).getString("id"));
            assertEquals(
                    "pending", listed.getJsonArray("seats").getJsonObject(0).getString("status"));
            assertEquals(
                    "claimed",
                    fixtures.claim(seat.getString("invitation_token"))
                            .getJsonObject("seat")
                            .getString("status"),
                    "the link from the response still works");
        } finally {
            smtp.start();
        }
    }

    @Test
    void immediateClaimSendsNoInvitation() throws Exception {
        var reply = api.post(
                "/v1/customer-seats",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("subscription_id", subscriptionId)
                        .add("email", Fixtures.email("direct"))
                        .add("immediate_claim", true)
                        .build());
        assertEquals(200, reply.status());
        fixtures.assign(tenant, subscriptionId, Fixtures.email("marker"));
        assertTrue(smtp.waitForIncomingEmail(20_000, 1));
        Thread.sleep(500);
        assertEquals(1, smtp.getReceivedMessages().length, "only the invited seat got an e-mail");
    }

    private static final Pattern KEEP_LINK = Pattern.compile(
            "http://localhost:8080/([a-z0-9-]+)/portal\\?customer_session_token=(polar_mst_[A-Za-z0-9_-]+)&keep_seat=([0-9a-f-]{36})");

    @Test
    void inactivityWarningMailCarriesAKeepMySeatLinkThatKeepsTheSeat() throws Exception {
        String email = Fixtures.email("idle");
        String seatId = fixtures.idleSeatUnderReclaimPolicy(tenant, subscriptionId, email);

        var message = onlyMessageTo(email);
        assertEquals("Your seat for " + productName + " will be reclaimed", message.getSubject());
        var link = KEEP_LINK.matcher(
                GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "="));
        assertTrue(link.find(), GreenMailUtil.getBody(message));
        assertEquals(tenant.slug(), link.group(1));
        assertEquals(seatId, link.group(3));
        var warned = api.get("/v1/customer-seats?subscription_id=" + subscriptionId, tenant.token())
                .json()
                .getJsonArray("seats")
                .getJsonObject(0);
        assertFalse(warned.isNull("reclaim_at"), warned.toString());

        var kept = api.post("/v1/customer-portal/seats/" + seatId + "/activity", link.group(2), "");
        assertEquals(200, kept.status(), kept.toString());
        assertTrue(kept.json().isNull("reclaim_at"), "keep my seat clears the reclaim");
        assertEquals("claimed", kept.json().getString("status"));
    }
}
