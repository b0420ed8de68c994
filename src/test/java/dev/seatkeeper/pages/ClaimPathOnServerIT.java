package dev.seatkeeper.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seatkeeper.testing.Api;
import dev.seatkeeper.testing.Fixtures;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The claim path of {@link PagesIT} against a server that is already running, such as the WAR on WildFly: run by
 * {@code server-config/wildfly/smoke.sh} when {@code SMOKE_BROWSER=1}, with {@code SEATKEEPER_PAGES_URL} (the
 * service's base, context path included) and {@code SEATKEEPER_PAGES_OPERATOR} (its operator token). Not part of
 * the default integration tests, which deploy their own server.
 */
class ClaimPathOnServerIT {
    @Test
    void anInviteeClaimsASeatFromTheInvitationLinkAndLandsInThePortal() throws Exception {
        String url = System.getenv("SEATKEEPER_PAGES_URL");
        String operator = System.getenv("SEATKEEPER_PAGES_OPERATOR");
        assertNotNull(url, "SEATKEEPER_PAGES_URL names the running service");
        assertNotNull(operator, "SEATKEEPER_PAGES_OPERATOR is its operator token");
        var api = new Api(new URL(url));
        var fixtures = new Fixtures(api, operator);
        var tenant = fixtures.tenant(true, true);
        String productId = fixtures.product(tenant, "month").getString("id");
        String customerId = fixtures.customer(tenant, Fixtures.email("billing")).getString("id");
        String subscriptionId =
                fixtures.subscription(tenant, productId, customerId, 2).getString("id");
        String email = Fixtures.email("invitee");
        String invitation = fixtures.assign(tenant, subscriptionId, email).getString("invitation_token");

        try (var browser = new Browser()) {
            var driver = browser.driver;
            driver.get(url.replaceAll("/$", "") + "/" + tenant.slug() + "/portal/claim?token=" + invitation);
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("invitation")));
            assertEquals(email, driver.findElement(By.id("invited-email")).getText());
            assertFalse(driver.getCurrentUrl().contains(invitation), "the token left the address bar");
            driver.findElement(By.id("claim-button")).click();
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("held")));
            assertTrue(driver.getCurrentUrl().endsWith("/" + tenant.slug() + "/portal"), driver.getCurrentUrl());
            assertFalse(driver.findElements(By.cssSelector("li.held-seat")).isEmpty(), "the portal shows the seat");
            assertEquals(List.of(), browser.consoleErrors());
        }
    }
}
