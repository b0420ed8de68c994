package dev.seatkeeper.organizations;

import static dev.seatkeeper.testing.Shapes.assertError;
import static dev.seatkeeper.testing.Shapes.assertValidationError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seatkeeper.testing.ApiTest;
import dev.seatkeeper.testing.Fixtures;
import jakarta.json.Json;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Organizations, access tokens, and the authentication every route goes through. */
class AccessIT extends ApiTest {
    private static final String INVALID_TOKEN =
            "The access token provided is expired, revoked, malformed, or invalid for other reasons.";

    @Test
    void operatorCreatesOrganizationWithItsFeatureSettings() {
        var reply = api.post(
                "/v1/organizations/",
                Fixtures.OPERATOR,
                Json.createObjectBuilder()
                        .add("name", "Acme")
                        .add("slug", "acme-" + System.nanoTime())
                        .add(
                                "feature_settings",
                                Json.createObjectBuilder()
                                        .add("seat_based_pricing_enabled", true)
                                        .add("member_model_enabled", false))
                        .build());
        assertEquals(201, reply.status(), reply.toString());
        var org = reply.json();
        assertEquals("Acme", org.getString("name"));
        assertTrue(org.getJsonObject("feature_settings").getBoolean("seat_based_pricing_enabled"));
        assertFalse(org.getJsonObject("feature_settings").getBoolean("member_model_enabled"));
        assertTrue(org.containsKey("modified_at") && org.isNull("modified_at"), "nullable keys are present");
        assertTrue(
                org.getString("created_at").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"),
                org.getString("created_at"));
    }

    @Test
    void memberModelAndSeatsAreOnByDefault() {
        var reply = api.post(
                "/v1/organizations",
                Fixtures.OPERATOR,
                Json.createObjectBuilder()
                        .add("name", "Plain")
                        .add("slug", "plain-" + System.nanoTime())
                        .build());
        assertEquals(201, reply.status(), reply.toString());
        assertTrue(reply.json().getJsonObject("feature_settings").getBoolean("member_model_enabled"));
        // Contract, "Organizations and their settings": Polar dropped the flag; omitted means on.
        assertTrue(reply.json().getJsonObject("feature_settings").getBoolean("seat_based_pricing_enabled"));
        String id = reply.json().getString("id");
        var stored = api.get("/v1/organizations/" + id, fixtures.token(id, List.of("organizations:read")));
        assertEquals(200, stored.status(), stored.toString());
        assertEquals(
                reply.json().getJsonObject("feature_settings"), stored.json().getJsonObject("feature_settings"));
    }

    @Test
    void duplicateSlugIsAValidationErrorOnTheSlug() {
        String slug = "dup-" + System.nanoTime();
        var body =
                Json.createObjectBuilder().add("name", "One").add("slug", slug).build();
        assertEquals(
                201, api.post("/v1/organizations/", Fixtures.OPERATOR, body).status());
        assertValidationError(api.post("/v1/organizations/", Fixtures.OPERATOR, body), "value_error", "body", "slug");
    }

    @Test
    void missingFieldsMalformedJsonAndWrongTypesAreListedAs422() {
        var missing = api.post("/v1/organizations/", Fixtures.OPERATOR, "{}");
        assertValidationError(missing, "missing", "body", "name");
        assertValidationError(missing, "missing", "body", "slug");
        assertEquals(
                "Field required",
                missing.json().getJsonArray("detail").getJsonObject(0).getString("msg"));

        var malformed = api.post("/v1/organizations/", Fixtures.OPERATOR, "{\"name\": ");
        assertEquals(422, malformed.status());
        var issue = malformed.json().getJsonArray("detail").getJsonObject(0);
        assertEquals("json_invalid", issue.getString("type"));
        assertEquals("body", issue.getJsonArray("loc").getString(0));
        assertTrue(issue.getJsonArray("loc").getJsonNumber(1).intValue() >= 0);

        assertValidationError(
                api.post("/v1/organizations/", Fixtures.OPERATOR, "{\"name\": 5, \"slug\": \"abc-x\"}"),
                "string_type",
                "body",
                "name");
        assertValidationError(
                api.post("/v1/organizations/", Fixtures.OPERATOR, "[1]"), "model_attributes_type", "body");
        assertValidationError(api.post("/v1/organizations/", Fixtures.OPERATOR, ""), "missing", "body");
    }

    @Test
    void noCredentialsIsUnauthorizedWithBearerChallenge() {
        var reply = api.post(
                "/v1/organizations/",
                null,
                Json.createObjectBuilder().add("name", "x").build());
        assertError(reply, 401, "Unauthorized", "Unauthorized");
        assertEquals("Bearer realm=\"polar\"", reply.header("WWW-Authenticate").orElseThrow());
    }

    @Test
    void unknownAndMalformedTokensAreInvalidTokens() {
        var tenant = fixtures.tenant(true, true);
        String unknown = "polar_oat_abcdefghijklmnopqrstuvwxyzABCDEFGHIJK4WQsSZ";
        String badChecksum = tenant.token().substring(0, tenant.token().length() - 1)
                + (tenant.token().endsWith("A") ? "B" : "A");
        for (String token : List.of(unknown, badChecksum, "garbage", "polar_cst_short")) {
            var reply = api.get("/v1/customers/", token);
            assertEquals(401, reply.status(), token);
            assertEquals("invalid_token", reply.string("error"));
            assertEquals(INVALID_TOKEN, reply.string("error_description"));
            assertEquals("no-store", reply.header("Cache-Control").orElseThrow());
            assertTrue(reply.header("WWW-Authenticate").orElseThrow().contains("error=\"invalid_token\""));
        }
    }

    @Test
    void accessTokensAreListedWithoutSecretsAndKeepWhenTheyWereLastUsed() {
        var tenant = fixtures.tenant(true, true);
        var listed = api.get(
                "/v1/organization-access-tokens/?organization_id=" + tenant.organizationId(), Fixtures.OPERATOR);
        assertEquals(200, listed.status(), listed.toString());
        assertEquals(1, listed.json().getJsonObject("pagination").getInt("total_count"));
        var view = listed.json().getJsonArray("items").getJsonObject(0);
        assertEquals(
                Set.of(
                        "created_at",
                        "modified_at",
                        "id",
                        "scopes",
                        "expires_at",
                        "comment",
                        "last_used_at",
                        "organization_id"),
                view.keySet());
        assertFalse(listed.text().contains(tenant.token()), "no secret in the list");
        assertTrue(view.isNull("last_used_at"), "not used yet");

        assertEquals(200, api.get("/v1/customers/", tenant.token()).status());
        var used = api.get(
                        "/v1/organization-access-tokens/?organization_id=" + tenant.organizationId(), Fixtures.OPERATOR)
                .json()
                .getJsonArray("items")
                .getJsonObject(0);
        assertFalse(used.isNull("last_used_at"), used.toString());
        assertEquals(
                401,
                api.get("/v1/organization-access-tokens/", tenant.token()).status(),
                "an organization token does not manage tokens");
    }

    @Test
    void anUpdatedTokenHasItsNewScopesOnItsNextRequest() {
        var tenant = fixtures.tenant(true, true);
        String id = api.get(
                        "/v1/organization-access-tokens/?organization_id=" + tenant.organizationId(), Fixtures.OPERATOR)
                .json()
                .getJsonArray("items")
                .getJsonObject(0)
                .getString("id");
        var updated = api.patch(
                "/v1/organization-access-tokens/" + id,
                Fixtures.OPERATOR,
                Json.createObjectBuilder()
                        .add("comment", "read only")
                        .add("scopes", Json.createArrayBuilder().add("customers:read"))
                        .build());
        assertEquals(200, updated.status(), updated.toString());
        assertEquals("read only", updated.string("comment"));
        assertEquals(
                List.of("customers:read"),
                updated.json().getJsonArray("scopes").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList());
        assertEquals(200, api.get("/v1/customers/", tenant.token()).status());
        assertError(
                api.post(
                        "/v1/customers/",
                        tenant.token(),
                        Json.createObjectBuilder()
                                .add("email", Fixtures.email("c"))
                                .build()),
                403,
                "insufficient_scope",
                null);
        assertValidationError(
                api.patch(
                        "/v1/organization-access-tokens/" + id,
                        Fixtures.OPERATOR,
                        Json.createObjectBuilder()
                                .add("scopes", Json.createArrayBuilder().add("organizations:write"))
                                .build()),
                "enum",
                "body",
                "scopes");
        assertError(
                api.patch(
                        "/v1/organization-access-tokens/" + UUID.randomUUID(),
                        Fixtures.OPERATOR,
                        Json.createObjectBuilder().add("comment", "x").build()),
                404,
                "ResourceNotFound",
                null);
    }

    @Test
    void aDeletedTokenIsRefusedOnItsVeryNextRequest() {
        var tenant = fixtures.tenant(true, true);
        String id = api.get(
                        "/v1/organization-access-tokens/?organization_id=" + tenant.organizationId(), Fixtures.OPERATOR)
                .json()
                .getJsonArray("items")
                .getJsonObject(0)
                .getString("id");
        assertEquals(200, api.get("/v1/customers/", tenant.token()).status());
        assertEquals(
                204,
                api.delete("/v1/organization-access-tokens/" + id, Fixtures.OPERATOR)
                        .status());
        var refused = api.get("/v1/customers/", tenant.token());
        assertEquals(401, refused.status(), refused.toString());
        assertEquals("invalid_token", refused.string("error"));
        assertError(
                api.delete("/v1/organization-access-tokens/" + id, Fixtures.OPERATOR), 404, "ResourceNotFound", null);
        assertEquals(
                0,
                api.get("/v1/organization-access-tokens/?organization_id=" + tenant.organizationId(), Fixtures.OPERATOR)
                        .json()
                        .getJsonObject("pagination")
                        .getInt("total_count"));
    }

    @Test
    void expiredAccessTokenIsAnInvalidToken() throws InterruptedException {
        var tenant = fixtures.tenant(true, true);
        var reply = api.post(
                "/v1/organization-access-tokens/",
                Fixtures.OPERATOR,
                Json.createObjectBuilder()
                        .add("organization_id", tenant.organizationId())
                        .add("comment", "short")
                        .add("scopes", Json.createArrayBuilder().add("customers:read"))
                        .add("expires_in", 1)
                        .build());
        assertEquals(201, reply.status(), reply.toString());
        String token = reply.string("token");
        assertEquals(200, api.get("/v1/customers/", token).status());
        Thread.sleep(1500);
        assertEquals("invalid_token", api.get("/v1/customers/", token).string("error"));
    }

    @Test
    void missingScopeIsInsufficientScope() {
        var tenant = fixtures.tenant(true, true, List.of("customers:read"));
        var reply = api.post(
                "/v1/customers/",
                tenant.token(),
                Json.createObjectBuilder().add("email", "a@example.com").build());
        assertEquals(403, reply.status());
        assertEquals("insufficient_scope", reply.string("error"));
        assertEquals(
                "The request requires higher privileges than provided by the access token.",
                reply.string("error_description"));
        assertEquals(200, api.get("/v1/customers/", tenant.token()).status(), "read scope reads");
    }

    @Test
    void tokenOfAnotherKindIsUnauthorized() {
        var tenant = fixtures.tenant(true, true);
        assertError(api.post("/v1/organizations/", tenant.token(), "{}"), 401, "Unauthorized", "Unauthorized");
        var customer = fixtures.customer(tenant, Fixtures.email("kind"));
        String session = fixtures.session(tenant, customer.getString("id")).getString("token");
        assertError(api.get("/v1/customers/", session), 401, "Unauthorized", "Unauthorized");
        assertError(
                api.get("/v1/customer-portal/customer-session/introspect", tenant.token()),
                401,
                "Unauthorized",
                "Unauthorized");
    }

    @Test
    void accessTokenIsShownOnceInPolarFormat() {
        var tenant = fixtures.tenant(true, true);
        var reply = api.post(
                "/v1/organization-access-tokens/",
                Fixtures.OPERATOR,
                Json.createObjectBuilder()
                        .add("organization_id", tenant.organizationId())
                        .add("comment", "ci")
                        .add("scopes", Json.createArrayBuilder().add("customers:write"))
                        .build());
        assertEquals(201, reply.status());
        String token = reply.string("token");
        assertTrue(token.matches("polar_oat_[A-Za-z0-9]{43}"), token);
        var record = reply.json().getJsonObject("organization_access_token");
        assertEquals(tenant.organizationId(), record.getString("organization_id"));
        assertEquals(List.of("customers:write"), record.getJsonArray("scopes").getValuesAs(JsonString::getString));
        assertFalse(record.toString().contains(token), "the record never carries the token");
    }

    @Test
    void accessTokenForUnknownOrganizationOrScopeIsRefused() {
        assertError(
                api.post(
                        "/v1/organization-access-tokens/",
                        Fixtures.OPERATOR,
                        Json.createObjectBuilder()
                                .add("organization_id", UUID.randomUUID().toString())
                                .add("scopes", Json.createArrayBuilder())
                                .build()),
                404,
                "ResourceNotFound",
                "Organization not found");
        var tenant = fixtures.tenant(true, true);
        assertValidationError(
                api.post(
                        "/v1/organization-access-tokens/",
                        Fixtures.OPERATOR,
                        Json.createObjectBuilder()
                                .add("organization_id", tenant.organizationId())
                                .add("scopes", Json.createArrayBuilder().add("admin:everything"))
                                .build()),
                "enum",
                "body",
                "scopes");
    }

    @Test
    void organizationIsVisibleToItsOwnTokenOnly() {
        var mine = fixtures.tenant(true, true);
        var theirs = fixtures.tenant(true, true);
        var own = api.get("/v1/organizations/" + mine.organizationId(), mine.token());
        assertEquals(200, own.status(), own.toString());
        assertEquals(mine.slug(), own.string("slug"));
        assertError(
                api.get("/v1/organizations/" + theirs.organizationId(), mine.token()), 404, "ResourceNotFound", null);
        assertValidationError(api.get("/v1/organizations/not-a-uuid", mine.token()), "uuid_parsing", "path", "id");
    }

    @Test
    void unknownRoutesAndMethodsAnswerJson() {
        var tenant = fixtures.tenant(true, true);
        var missing = api.get("/v1/nothing-here", tenant.token());
        assertError(missing, 404, "ResourceNotFound", null);
        var wrongMethod = api.send("PUT", "/v1/customers/", tenant.token(), "{}");
        assertEquals(405, wrongMethod.status());
        assertTrue(wrongMethod.isJson());
    }
}
