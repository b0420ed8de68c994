package dev.seatkeeper.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seatkeeper.testing.ApiTest;
import dev.seatkeeper.testing.Fixtures;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The claim page and the portal (contract, "Web pages") in a real headless Chromium, against the deployed WAR: the
 * whole path from an invitation to a revoked seat, the refusals a person meets, and what must never happen (a name
 * rendered as HTML, a token left in the address bar, an error in the console).
 */
class PagesIT extends ApiTest {
    /** A product name an attacker would choose: it must show as these very characters. */
    static final String HOSTILE_NAME = "<img src=x onerror=alert(1)>";

    Fixtures.Tenant tenant;
    String customerId;
    String subscriptionId;
    Browser browser;

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant(true, true);
        String productId = fixtures.product(tenant, HOSTILE_NAME, "month").getString("id");
        customerId = fixtures.customer(tenant, Fixtures.email("billing")).getString("id");
        subscriptionId = fixtures.subscription(tenant, productId, customerId, 3).getString("id");
        browser = new Browser();
    }

    @AfterEach
    void tearDown() {
        browser.close();
    }

    private String page(String path) {
        return base.toString().replaceAll("/$", "") + "/" + tenant.slug() + path;
    }

    private String text(String css) {
        return browser.driver.findElement(By.cssSelector(css)).getText();
    }

    private void awaitVisible(String css) {
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    @Test
    void anInviteeClaimsTheSeatAndTheBillingCustomerRevokesItFromThePortal() throws Exception {
        String email = Fixtures.email("ada");
        String token = fixtures.assign(tenant, subscriptionId, email).getString("invitation_token");
        var driver = browser.driver;

        driver.get(page("/portal/claim?token=" + token));
        awaitVisible("#invitation");
        assertEquals(HOSTILE_NAME, text("#product-name"), "the merchant's name shows as text");
        assertTrue(driver.findElements(By.cssSelector("#product-name img")).isEmpty(), "and is never parsed");
        assertEquals("Org " + tenant.slug(), text("#organization-name"));
        assertEquals(email, text("#invited-email"));
        assertFalse(driver.getCurrentUrl().contains(token), "the token left the address bar");
        browser.screenshot("claim");
        assertEquals(1, fixtures.seatEvents(tenant).size(), "opening the page changed nothing");

        driver.findElement(By.id("claim-button")).click();
        browser.wait.until(ExpectedConditions.urlMatches(".*/portal$"));
        awaitVisible("#held");
        assertTrue(text("#held-list").contains(HOSTILE_NAME), text("#held-list"));
        assertTrue(driver.findElements(By.cssSelector("button.revoke")).isEmpty(), "a plain member gets no buttons");
        String holderWindow = driver.getWindowHandle();

        String session = fixtures.session(tenant, customerId).getString("token");
        driver.switchTo().newWindow(WindowType.TAB);
        driver.get(page("/portal?customer_session_token=" + session));
        awaitVisible("tr.seat[data-status='claimed']");
        assertFalse(driver.getCurrentUrl().contains(session), "the session left the address bar");
        assertEquals(email, text("tr.seat .seat-email"));
        assertEquals("2 of 3 seats available", text(".capacity"));
        browser.screenshot("portal");

        driver.findElement(By.cssSelector("tr.seat button.revoke")).click();
        awaitVisible("#confirm-revoke");
        driver.findElement(By.id("confirm-yes")).click();
        awaitVisible("tr.seat[data-status='revoked']");
        assertEquals("3 of 3 seats available", text(".capacity"));

        driver.switchTo().window(holderWindow);
        driver.navigate().refresh();
        awaitVisible("#problem");
        assertTrue(text("#problem").startsWith("Your session has ended"), text("#problem"));
        assertEquals(
                List.of(),
                browser.consoleErrors().stream()
                        .filter(message -> !message.contains(" 401 "))
                        .toList(),
                "no errors in the console but the ended session's 401");
    }

    /**
     * The portal's schedule (contract, "Beyond Polar: seat changes on a schedule"): a billing role revokes a seat at
     * the period end (the row says when it leaves and offers to keep it), keeps it again, and sees a seat decrease
     * that waits for the period end.
     */
    @Test
    void theBillingCustomerSchedulesAndKeepsASeatAndSeesThePendingSeatChange() throws Exception {
        String email = Fixtures.email("leaver");
        String token = fixtures.assign(tenant, subscriptionId, email).getString("invitation_token");
        String seatId = fixtures.claim(token).getJsonObject("seat").getString("id");
        var driver = browser.driver;

        String session = fixtures.session(tenant, customerId).getString("token");
        driver.get(page("/portal?customer_session_token=" + session));
        awaitVisible("tr.seat[data-status='claimed'] button.revoke-later");
        assertEquals("", text("tr.seat .seat-revokes"));
        driver.findElement(By.cssSelector("tr.seat button.revoke-later")).click();
        awaitVisible("tr.seat button.keep");
        assertTrue(text("tr.seat .seat-revokes").startsWith("leaves on "), text("tr.seat .seat-revokes"));
        assertEquals("claimed", driver.findElement(By.cssSelector("tr.seat")).getAttribute("data-status"));
        assertEquals("2 of 3 seats available", text(".capacity"), "a seat that leaves later still counts");
        assertFalse(storedSeat(seatId).isNull("revokes_at"), "scheduled through the API");
        browser.screenshot("portal-leaves-on");

        driver.findElement(By.cssSelector("tr.seat button.keep")).click();
        awaitVisible("tr.seat button.revoke-later");
        assertEquals("", text("tr.seat .seat-revokes"));
        assertTrue(storedSeat(seatId).isNull("revokes_at"), "kept through the API");

        // The seat's history (Beyond Polar, audit trail): who did what, in the billing customer's words.
        driver.findElement(By.cssSelector("tr.seat button.history")).click();
        awaitVisible("tr.seat-history .history-actor");
        assertEquals(
                List.of("by your organization's backend", "by the invitee (claim)", "by you", "by you"),
                driver.findElements(By.cssSelector("tr.seat-history .history-actor")).stream()
                        .map(actor -> actor.getText())
                        .toList());
        assertEquals(
                List.of("assigned", "claimed"),
                driver.findElements(By.cssSelector("tr.seat-history .history-action")).stream()
                        .limit(2)
                        .map(action -> action.getText())
                        .toList());
        assertEquals(
                "true",
                driver.findElement(By.cssSelector("tr.seat button.history")).getAttribute("aria-expanded"));
        browser.screenshot("portal-seat-history");
        driver.findElement(By.cssSelector("tr.seat button.history")).click();
        assertTrue(driver.findElements(By.cssSelector("tr.seat-history")).isEmpty(), "closed again");

        var decrease = api.patch(
                "/v1/subscriptions/" + subscriptionId,
                tenant.token(),
                Json.createObjectBuilder()
                        .add("seats", 2)
                        .add("proration_behavior", "next_period")
                        .build());
        assertEquals(200, decrease.status(), decrease.toString());
        driver.navigate().refresh();
        awaitVisible(".capacity .pending-update");
        assertTrue(
                text(".capacity .pending-update").startsWith(" · changes to 2 seats on ")
                        || text(".capacity .pending-update").startsWith("· changes to 2 seats on "),
                text(".capacity .pending-update"));
        assertEquals(List.of(), browser.consoleErrors(), "no errors in the console");
    }

    /**
     * How full a pool is (contract, "Beyond Polar: capacity signals, seat usage and seat metrics"): the billing
     * customer sees pending + claimed of the seats bought, a message once the pool reaches one of the organization's
     * capacity alerts (here 60 and 90 %), and another when it is full; read from
     * {@code GET /v1/customer-portal/seats/capacity}, not from the seat list, whose keys stay Polar's.
     */
    @Test
    void theBillingCustomerSeesHowFullThePoolIsAndAMessageAtTheThreshold() throws Exception {
        fixtures.capacityAlerts(tenant, 90, 60);
        fixtures.assign(tenant, subscriptionId, Fixtures.email("first"));
        var driver = browser.driver;

        String session = fixtures.session(tenant, customerId).getString("token");
        driver.get(page("/portal?customer_session_token=" + session));
        awaitVisible(".pool-usage");
        assertEquals("1 of 3 seats taken", text(".pool-usage"));
        assertTrue(driver.findElements(By.cssSelector(".pool-warning")).isEmpty(), "33 % is below the alerts");

        driver.findElement(By.cssSelector("form.assign input[type=email]")).sendKeys(Fixtures.email("second"));
        driver.findElement(By.cssSelector("form.assign button[type=submit]")).click();
        awaitVisible(".pool-warning");
        assertEquals("2 of 3 seats taken", text(".pool-usage"));
        assertEquals("60 % of your seats are taken.", text(".pool-warning"));
        browser.screenshot("portal-pool-near-full");

        driver.findElement(By.cssSelector("form.assign input[type=email]")).sendKeys(Fixtures.email("third"));
        driver.findElement(By.cssSelector("form.assign button[type=submit]")).click();
        browser.wait.until(ExpectedConditions.textToBe(By.cssSelector(".pool-usage"), "3 of 3 seats taken"));
        assertEquals("All seats are taken.", text(".pool-warning"));
        assertEquals("0 of 3 seats available", text(".capacity"));
        assertEquals(List.of(), browser.consoleErrors(), "no errors in the console");
    }

    /**
     * "Keep my seat" (contract, "Beyond Polar: activity and reclaim of idle seats"): a seat idle past the policy is
     * warned; the warning's link, made as the e-mail makes it (this server has no SMTP), opens the portal, which keeps
     * the seat, and the seat is no longer due for reclaim.
     */
    @Test
    void theKeepMySeatLinkOfAnInactivityWarningKeepsTheSeat() throws Exception {
        String email = Fixtures.email("idle");
        String seatId = fixtures.idleSeatUnderReclaimPolicy(tenant, subscriptionId, email);
        long end = System.nanoTime() + 15_000_000_000L;
        while (storedSeat(seatId).isNull("reclaim_at") && System.nanoTime() < end) {
            Thread.sleep(200);
        }
        assertFalse(storedSeat(seatId).isNull("reclaim_at"), "warned by the scheduler");

        var link = api.post("/test-support/keep-links/" + seatId, null, "");
        assertEquals(200, link.status(), link.toString());
        String url = link.string("url");
        String prefix = "http://localhost:8080/" + tenant.slug() + "/portal?customer_session_token=polar_mst_";
        assertTrue(url.startsWith(prefix) && url.endsWith("&keep_seat=" + seatId), url);
        var driver = browser.driver;
        driver.get(page(url.substring(url.indexOf("/portal?"))));
        browser.wait.until(
                ExpectedConditions.textToBe(By.id("notice"), "Your seat is kept: it will not be reclaimed."));
        assertFalse(driver.getCurrentUrl().contains("customer_session_token"), "the session left the address bar");
        assertEquals("Signed in as " + email + " (member)", text("#who"));
        awaitVisible("#held");
        assertTrue(driver.findElements(By.cssSelector(".reclaim-banner")).isEmpty(), "no reclaim pending on the page");
        browser.screenshot("portal-seat-kept");

        var kept = storedSeat(seatId);
        assertTrue(kept.isNull("reclaim_at"), "no longer due for reclaim: " + kept);
        assertFalse(kept.isNull("last_active_at"), kept.toString());
        assertEquals("claimed", kept.getString("status"));
        assertEquals(List.of(), browser.consoleErrors(), "no errors in the console");
    }

    private JsonObject storedSeat(String seatId) {
        return api
                .get("/v1/customer-seats?subscription_id=" + subscriptionId, tenant.token())
                .json()
                .getJsonArray("seats")
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(seat -> seat.getString("id").equals(seatId))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void usedExpiredAndUnknownInvitationsSayWhatToDo() throws Exception {
        String used =
                fixtures.assign(tenant, subscriptionId, Fixtures.email("used")).getString("invitation_token");
        fixtures.claim(used);
        String expired =
                fixtures.assign(tenant, subscriptionId, Fixtures.email("late")).getString("invitation_token");
        assertEquals(
                204,
                api.post("/test-support/expire-invitation/" + expired, null, "").status());
        for (String token : List.of(used, expired, "no-such-invitation")) {
            browser.driver.get(page("/portal/claim?token=" + token));
            awaitVisible("#problem");
            assertTrue(
                    text("#problem").contains("Ask the person who invited you to send the invitation again"),
                    token + ": " + text("#problem"));
            assertFalse(browser.driver.findElement(By.id("invitation")).isDisplayed());
        }
        browser.screenshot("claim-used");
    }

    @Test
    void aPlainMembersSessionCannotRevokeThroughTheApiEither() {
        String email = Fixtures.email("member");
        var seat = fixtures.assign(tenant, subscriptionId, email);
        var member = fixtures.claim(seat.getString("invitation_token"));
        var refused = api.delete(
                "/v1/customer-portal/seats/" + seat.getString("id"), member.getString("customer_session_token"));
        assertEquals(403, refused.status(), refused.toString());
    }

    @Test
    void pagesSendAStrictContentSecurityPolicyAndNoReferrer() {
        var claim = api.get("/" + tenant.slug() + "/portal/claim", null);
        assertEquals(200, claim.status());
        String policy = claim.header("Content-Security-Policy").orElseThrow();
        assertTrue(
                policy.contains("default-src 'none'")
                        && policy.contains("script-src 'self'")
                        && !policy.contains("unsafe-inline"),
                policy);
        assertEquals("no-referrer", claim.header("Referrer-Policy").orElseThrow());
        assertEquals(404, api.get("/assets/../WEB-INF/web.xml", null).status());
        assertEquals(404, api.get("/assets/secret.txt", null).status());
    }
}
