package dev.seatkeeper.testing;

import dev.seatkeeper.events.Event;
import dev.seatkeeper.seats.SeatRevocationService;
import dev.seatkeeper.seats.SeatScope;
import dev.seatkeeper.security.Caller;
import dev.seatkeeper.security.RequiresScope;
import dev.seatkeeper.security.Scope;
import dev.seatkeeper.security.TokenHasher;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Added to the test deployment only (never to the built WAR): lets a test move a session's expiry into the past
 * instead of waiting an hour.
 */
@Path("/test-support")
@Stateless
public class TestSupportResource {
    @PersistenceContext
    EntityManager em;

    @Inject
    TokenHasher hasher;

    @EJB
    SubscriptionLockHolder lockHolder;

    @EJB
    ClaimHolder claimHolder;

    @EJB
    SeatRevocationService revocations;

    @Inject
    Caller caller;

    /** The claims held open by {@link #holdClaim}: the release latch and the holder's outcome, by token. */
    private static final Map<String, HeldClaim> HELD_CLAIMS = new ConcurrentHashMap<>();

    private record HeldClaim(CountDownLatch release, Future<Boolean> releasedByTest) {}

    /** The revocations held open by {@link #holdRevocation}, by seat id. */
    private static final Map<UUID, HeldRevocation> HELD_REVOCATIONS = new ConcurrentHashMap<>();

    /** How long a forgotten revocation is held at most, in seconds: below the database's lock timeout (10 s). */
    private static final int MAX_REVOCATION_HOLD_SECONDS = 8;

    private record HeldRevocation(CountDownLatch held, CountDownLatch release) {}

    /** The holds of {@link #holdSubscriptionLock} not yet released, by subscription id. */
    private static final Map<UUID, CountDownLatch> HOLDS = new ConcurrentHashMap<>();

    /**
     * Takes the subscription's row lock in a transaction of its own and keeps it until {@link
     * #releaseSubscriptionLock} (at most {@link SubscriptionLockHolder#MAX_HOLD_SECONDS} seconds). Answers 204 once
     * the lock is held, so that a request sent after it is sure to wait.
     */
    @POST
    @Path("/subscriptions/{id}/lock")
    public Response holdSubscriptionLock(@PathParam("id") String id) throws InterruptedException {
        var held = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        UUID subscriptionId = UUID.fromString(id);
        HOLDS.put(subscriptionId, release);
        lockHolder.hold(subscriptionId, held, release);
        return Response.status(held.await(5, TimeUnit.SECONDS) ? 204 : 503).build();
    }

    /** Ends a hold taken by {@link #holdSubscriptionLock}: 204, or 404 if there is none. */
    @DELETE
    @Path("/subscriptions/{id}/lock")
    public Response releaseSubscriptionLock(@PathParam("id") String id) {
        CountDownLatch release = HOLDS.remove(UUID.fromString(id));
        if (release == null) {
            return Response.status(404).build();
        }
        release.countDown();
        return Response.noContent().build();
    }

    /**
     * Claims an invitation token in a transaction of its own and keeps that transaction open (every lock the claim
     * took stays held, nothing of it is committed) until {@link #releaseClaim} (at most {@link
     * ClaimHolder#MAX_HOLD_SECONDS} seconds). Answers 204 once the claim has done its work, 503 if it has not within 5
     * seconds (it waits on a lock, or failed).
     */
    @POST
    @Path("/claims/{token}/hold")
    public Response holdClaim(@PathParam("token") String token) throws InterruptedException {
        var held = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        HELD_CLAIMS.put(token, new HeldClaim(release, claimHolder.claimAndHold(token, held, release)));
        return Response.status(held.await(5, TimeUnit.SECONDS) ? 204 : 503).build();
    }

    /**
     * Ends a hold taken by {@link #holdClaim} and waits for its transaction to end: 200 {@code
     * {"released_by_test": true}} when the claim was still held when this call came (false: its time had run out
     * first), 404 if there is no such hold.
     */
    @DELETE
    @Path("/claims/{token}/hold")
    @Produces(MediaType.APPLICATION_JSON)
    public Response releaseClaim(@PathParam("token") String token) throws Exception {
        HeldClaim hold = HELD_CLAIMS.remove(token);
        if (hold == null) {
            return Response.status(404).build();
        }
        hold.release().countDown();
        boolean releasedByTest = hold.releasedByTest().get(ClaimHolder.MAX_HOLD_SECONDS + 5, TimeUnit.SECONDS);
        return Response.ok(Json.createObjectBuilder()
                        .add("released_by_test", releasedByTest)
                        .build()
                        .toString())
                .build();
    }

    /**
     * Revokes a seat as the organization's {@code DELETE /v1/customer-seats/{id}} does (the caller's organization
     * token), then keeps the request's transaction open (the seat's row lock held, nothing committed) until {@link
     * #releaseRevocation} or {@link #MAX_REVOCATION_HOLD_SECONDS} seconds, and commits: 204 when the test released it,
     * 409 when its time ran out first. {@link #awaitRevocationHeld} tells when the revocation has done its work.
     */
    @POST
    @Path("/seats/{id}/revocation/hold")
    @RequiresScope(Scope.CUSTOMER_SEATS_WRITE)
    public Response holdRevocation(@PathParam("id") String id) throws InterruptedException {
        UUID seatId = UUID.fromString(id);
        var hold = revocationHold(seatId);
        revocations.revoke(SeatScope.organization(caller.organizationId()), seatId);
        hold.held().countDown();
        boolean released = hold.release().await(MAX_REVOCATION_HOLD_SECONDS, TimeUnit.SECONDS);
        HELD_REVOCATIONS.remove(seatId);
        return Response.status(released ? 204 : 409).build();
    }

    /** Waits (at most 5 s) until a revocation of {@link #holdRevocation} is held: 204, or 503. */
    @GET
    @Path("/seats/{id}/revocation/hold")
    public Response awaitRevocationHeld(@PathParam("id") String id) throws InterruptedException {
        return Response.status(revocationHold(UUID.fromString(id)).held().await(5, TimeUnit.SECONDS) ? 204 : 503)
                .build();
    }

    /** The seat's hold, made by whichever of {@link #holdRevocation} and {@link #awaitRevocationHeld} comes first. */
    private static HeldRevocation revocationHold(UUID seatId) {
        return HELD_REVOCATIONS.computeIfAbsent(
                seatId, k -> new HeldRevocation(new CountDownLatch(1), new CountDownLatch(1)));
    }

    /** Releases a revocation of {@link #holdRevocation}: 204 (its request then commits and answers), or 404. */
    @DELETE
    @Path("/seats/{id}/revocation/hold")
    public Response releaseRevocation(@PathParam("id") String id) {
        var hold = HELD_REVOCATIONS.get(UUID.fromString(id));
        if (hold == null) {
            return Response.status(404).build();
        }
        hold.release().countDown();
        return Response.noContent().build();
    }

    /**
     * Moves a seat's creation, claim, reported activity and pending reclaim (those it has) {@code days} days into the
     * past, as if that much time had gone by: 204, or 404 if there is no such seat.
     */
    @POST
    @Path("/seats/{id}/age/{days}")
    public Response ageSeat(@PathParam("id") String id, @PathParam("days") int days) {
        var seat = em.find(dev.seatkeeper.seats.CustomerSeat.class, UUID.fromString(id));
        if (seat == null) {
            return Response.status(404).build();
        }
        shift(seat.id(), "createdAt", seat.createdAt(), days);
        shift(seat.id(), "claimedAt", seat.claimedAt(), days);
        if (seat.lastActiveAt() != null) {
            em.createQuery("update SeatActivity a set a.lastActiveAt = :value where a.seatId = :id")
                    .setParameter("value", seat.lastActiveAt().minusDays(days))
                    .setParameter("id", seat.id())
                    .executeUpdate();
        }
        shift(seat.id(), "reclaimAt", seat.reclaimAt(), days);
        return Response.noContent().build();
    }

    private void shift(UUID seatId, String field, OffsetDateTime value, int days) {
        if (value != null) {
            em.createQuery("update CustomerSeat s set s." + field + " = :value where s.id = :id")
                    .setParameter("value", value.minusDays(days))
                    .setParameter("id", seatId)
                    .executeUpdate();
        }
    }

    /** Moves a pending seat's invitation expiry into the past. */
    @POST
    @Path("/expire-invitation/{token}")
    public Response expireInvitation(@PathParam("token") String token) {
        int changed = em.createQuery(
                        "update CustomerSeat s set s.invitationTokenExpiresAt = :t where s.invitationTokenHash = :h")
                .setParameter("t", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1))
                .setParameter("h", hasher.hash(token))
                .executeUpdate();
        return Response.status(changed == 1 ? 204 : 404).build();
    }

    /**
     * Takes a member off the seats it holds and deletes it (it must have no sessions), leaving seats whose member is
     * not recorded, which a claim completes by finding or creating the member (contract, "Claim" step 3): 204, or 404
     * if there is no such member.
     */
    @POST
    @Path("/members/{id}/forget")
    public Response forgetMember(@PathParam("id") String id) {
        UUID memberId = UUID.fromString(id);
        em.createNativeQuery("UPDATE customer_seats SET member_id = NULL WHERE member_id = ?1")
                .setParameter(1, memberId)
                .executeUpdate();
        int deleted = em.createNativeQuery("DELETE FROM members WHERE id = ?1")
                .setParameter(1, memberId)
                .executeUpdate();
        return Response.status(deleted == 1 ? 204 : 404).build();
    }

    /**
     * Alters a stored history entry as someone with database access could (its {@code reason}), to show that the
     * audit chain's verification names it: 204, or 404 if there is no such entry.
     */
    @POST
    @Path("/audit-entries/{id}/tamper")
    public Response tamperAuditEntry(@PathParam("id") String id) {
        int changed = em.createNativeQuery("UPDATE seat_history SET reason = 'tampered' WHERE id = ?1")
                .setParameter(1, UUID.fromString(id))
                .executeUpdate();
        return Response.status(changed == 1 ? 204 : 404).build();
    }

    /** What the database holds for a seat's invitation: the hash, never the token. */
    @GET
    @Path("/seats/{id}/stored-invitation")
    @Produces(MediaType.APPLICATION_JSON)
    public String storedInvitation(@PathParam("id") String id) {
        List<?> rows = em.createNativeQuery("SELECT invitation_token_hash FROM customer_seats WHERE id = ?1")
                .setParameter(1, UUID.fromString(id))
                .getResultList();
        var body = Json.createObjectBuilder();
        if (rows.isEmpty() || rows.get(0) == null) {
            body.addNull("invitation_token_hash");
        } else {
            body.add("invitation_token_hash", rows.get(0).toString());
        }
        return body.build().toString();
    }

    /** The outbox rows of an organization, oldest first, as {@code {"type", "payload"}}. */
    @GET
    @Path("/events/{organizationId}")
    @Produces(MediaType.APPLICATION_JSON)
    public String events(@PathParam("organizationId") String organizationId) {
        var array = Json.createArrayBuilder();
        em.createQuery("select e from Event e where e.organizationId = :org order by e.createdAt", Event.class)
                .setParameter("org", UUID.fromString(organizationId))
                .getResultList()
                .forEach(e -> array.add(
                        Json.createObjectBuilder().add("type", e.type()).add("payload", Api.json(e.payload()))));
        return array.build().toString();
    }

    /** How many seat steps of an organization wait to be folded: {@code {"new": n}}. */
    @GET
    @Path("/organizations/{id}/new-seat-steps")
    @Produces(MediaType.APPLICATION_JSON)
    public String newSeatSteps(@PathParam("id") String id) {
        Number count = (Number) em.createNativeQuery("SELECT COUNT(*) FROM new_seat_steps WHERE organization_id = ?1")
                .setParameter(1, UUID.fromString(id))
                .getSingleResult();
        return Json.createObjectBuilder().add("new", count.longValue()).build().toString();
    }

    /** Whether a session with this token is stored (expired or not): {@code {"stored": true|false}}. */
    @GET
    @Path("/sessions/{token}")
    @Produces(MediaType.APPLICATION_JSON)
    public String storedSession(@PathParam("token") String token) {
        String hash = hasher.hash(token);
        long rows = em.createQuery("select count(s) from CustomerSession s where s.tokenHash = :h", Long.class)
                        .setParameter("h", hash)
                        .getSingleResult()
                + em.createQuery("select count(s) from MemberSession s where s.tokenHash = :h", Long.class)
                        .setParameter("h", hash)
                        .getSingleResult();
        return Json.createObjectBuilder().add("stored", rows > 0).build().toString();
    }

    /**
     * Records (POST) or removes (DELETE) a successful migration of version 9999 in Flyway's history, as a newer
     * release sharing the database would leave it.
     */
    @POST
    @Path("/schema-from-the-future")
    public Response recordFutureMigration() {
        em.createNativeQuery(
                        "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\","
                                + " \"type\", \"script\", \"installed_by\", \"installed_on\", \"execution_time\", \"success\")"
                                + " VALUES (9999, '9999', 'future', 'SQL', 'V9999__future.sql', 'test', CURRENT_TIMESTAMP, 0, TRUE)")
                .executeUpdate();
        return Response.noContent().build();
    }

    @DELETE
    @Path("/schema-from-the-future")
    public Response removeFutureMigration() {
        em.createNativeQuery("DELETE FROM \"flyway_schema_history\" WHERE \"installed_rank\" = 9999")
                .executeUpdate();
        return Response.noContent().build();
    }

    /** What the database holds for an idempotency key (any caller): {@code {"rows": n, "response_sealed": text|null}}. */
    @GET
    @Path("/idempotency/{key}")
    @Produces(MediaType.APPLICATION_JSON)
    public String storedIdempotency(@PathParam("key") String key) {
        List<?> rows = em.createNativeQuery("SELECT response_sealed FROM idempotency_keys WHERE idempotency_key = ?1")
                .setParameter(1, key)
                .getResultList();
        var body = Json.createObjectBuilder().add("rows", rows.size());
        if (rows.isEmpty() || rows.get(0) == null) {
            body.addNull("response_sealed");
        } else {
            Object value = rows.get(0);
            body.add("response_sealed", value instanceof java.sql.Clob clob ? clobText(clob) : value.toString());
        }
        return body.build().toString();
    }

    private static String clobText(java.sql.Clob clob) {
        try {
            return clob.getSubString(1, (int) clob.length());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Moves an idempotency key's expiry into the past, as if its 24 hours had gone by. */
    @POST
    @Path("/idempotency/{key}/expire")
    public Response expireIdempotency(@PathParam("key") String key) {
        int changed = em.createNativeQuery("UPDATE idempotency_keys SET expires_at = ?1 WHERE idempotency_key = ?2")
                .setParameter(1, java.time.LocalDateTime.now(ZoneOffset.UTC).minusMinutes(1))
                .setParameter(2, key)
                .executeUpdate();
        return Response.status(changed > 0 ? 204 : 404).build();
    }

    @POST
    @Path("/expire-session/{token}")
    public Response expireSession(@PathParam("token") String token) {
        var past = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1);
        String hash = hasher.hash(token);
        int changed = em.createQuery("update CustomerSession s set s.expiresAt = :t where s.tokenHash = :h")
                        .setParameter("t", past)
                        .setParameter("h", hash)
                        .executeUpdate()
                + em.createQuery("update MemberSession s set s.expiresAt = :t where s.tokenHash = :h")
                        .setParameter("t", past)
                        .setParameter("h", hash)
                        .executeUpdate();
        return Response.status(changed == 1 ? 204 : 404).build();
    }

    /**
     * Sets a seat's {@code created_at}, {@code claimed_at} and {@code revoked_at} to the ISO-8601 instants the body
     * gives (a key left out keeps its value, {@code null} clears it): the seat history a usage ledger or metrics test
     * describes, which requests made now cannot produce. 204, or 404 for an unknown seat.
     */
    @POST
    @Path("/seats/{id}/times")
    public Response setSeatTimes(@PathParam("id") String id, String body) {
        var times = Api.json(body);
        int changed = 0;
        for (String column : List.of("created_at", "claimed_at", "revoked_at")) {
            if (times.containsKey(column) && times.isNull(column)) {
                // Written as NULL, not bound: a null bound without its type is text to PostgreSQL.
                changed += em.createNativeQuery("UPDATE customer_seats SET " + column + " = NULL WHERE id = ?1")
                        .setParameter(1, UUID.fromString(id))
                        .executeUpdate();
            } else if (times.containsKey(column)) {
                changed += em.createNativeQuery("UPDATE customer_seats SET " + column + " = ?1 WHERE id = ?2")
                        .setParameter(1, utc(times.getString(column)))
                        .setParameter(2, UUID.fromString(id))
                        .executeUpdate();
            }
        }
        if (changed == 0) {
            return Response.status(404).build();
        }
        restep(em.createNativeQuery("SELECT organization_id FROM customer_seats WHERE id = ?1")
                .setParameter(1, UUID.fromString(id))
                .getSingleResult());
        return Response.noContent().build();
    }

    /** Sets when each recorded seat-count change of a container took effect ({@code {"changed_at": ISO-8601}}). */
    @POST
    @Path("/containers/{id}/seat-count-changes")
    public Response setSeatCountChangeTimes(@PathParam("id") String id, String body) {
        int changed = em.createNativeQuery("UPDATE seat_count_changes SET changed_at = ?1 WHERE container_id = ?2")
                .setParameter(1, utc(Api.json(body).getString("changed_at")))
                .setParameter(2, UUID.fromString(id))
                .executeUpdate();
        return Response.status(changed > 0 ? 204 : 404).build();
    }

    /**
     * Moves a container's whole seat history ({@code {"seconds": n}}, negative: into the past): its seats' dates and its
     * seat-count changes. A ledger read after it is the read of the same history {@code -n} seconds later.
     */
    @POST
    @Path("/containers/{id}/shift-history")
    public Response shiftHistory(@PathParam("id") String id, String body) {
        long seconds = Api.json(body).getJsonNumber("seconds").longValue();
        UUID container = UUID.fromString(id);
        List<?> seats = em.createNativeQuery("SELECT id, created_at, claimed_at, revoked_at, organization_id"
                        + " FROM customer_seats WHERE subscription_id = ?1 OR order_id = ?1")
                .setParameter(1, container)
                .getResultList();
        String[] columns = {"created_at", "claimed_at", "revoked_at"};
        for (Object row : seats) {
            Object[] c = (Object[]) row;
            for (int i = 0; i < columns.length; i++) {
                if (c[i + 1] == null) {
                    continue; // A null bound without its type is text to PostgreSQL, which refuses it for a timestamp.
                }
                em.createNativeQuery("UPDATE customer_seats SET " + columns[i] + " = ?1 WHERE id = ?2")
                        .setParameter(1, shifted(c[i + 1], seconds))
                        .setParameter(2, UUID.fromString(c[0].toString()))
                        .executeUpdate();
            }
        }
        List<?> changes = em.createNativeQuery("SELECT id, changed_at FROM seat_count_changes WHERE container_id = ?1")
                .setParameter(1, container)
                .getResultList();
        for (Object row : changes) {
            Object[] c = (Object[]) row;
            em.createNativeQuery("UPDATE seat_count_changes SET changed_at = ?1 WHERE id = ?2")
                    .setParameter(1, shifted(c[1], seconds))
                    .setParameter(2, UUID.fromString(c[0].toString()))
                    .executeUpdate();
        }
        if (!seats.isEmpty()) {
            restep(((Object[]) seats.get(0))[4]);
        }
        return Response.noContent().build();
    }

    /**
     * After seat times were set by hand: the organization's seat steps (what the seat metrics count) and its seats'
     * invitation claim times made again from its seats' times, as the changes would have written them had they
     * happened then. The new steps are folded by the scheduler like any others.
     */
    private void restep(Object organization) {
        UUID organizationId = UUID.fromString(organization.toString());
        // The folding's lock: it neither folds steps deleted here nor adds to counts made again here.
        dev.seatkeeper.platform.RowLock.lockById(em, "organizations", organizationId);
        em.createNativeQuery(
                        "UPDATE customer_seats SET invitation_claimed_at = CASE WHEN"
                                + " invitation_token_expires_at IS NULL THEN NULL ELSE claimed_at END WHERE organization_id = ?1")
                .setParameter(1, organizationId)
                .executeUpdate();
        for (String table : List.of("seat_steps", "new_seat_steps")) {
            em.createNativeQuery("DELETE FROM " + table + " WHERE organization_id = ?1")
                    .setParameter(1, organizationId)
                    .executeUpdate();
        }
        List<?> seats = em.createNativeQuery("SELECT subscription_id, order_id, created_at, claimed_at, revoked_at,"
                        + " COALESCE(revocation_reason, 'manual') FROM customer_seats WHERE organization_id = ?1")
                .setParameter(1, organizationId)
                .getResultList();
        for (Object row : seats) {
            Object[] c = (Object[]) row;
            step(organizationId, c, c[2], "created", "");
            step(organizationId, c, c[3], "claimed", "");
            step(organizationId, c, c[4], c[3] == null ? "revoked_pending" : "revoked_claimed", (String) c[5]);
        }
    }

    /** One new step of the seat {@code c} (its container first) at {@code time}'s quarter hour, if it has the time. */
    private void step(UUID organizationId, Object[] c, Object time, String kind, String reason) {
        if (time == null) {
            return;
        }
        java.time.LocalDateTime t = shifted(time, 0).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        em.createNativeQuery("INSERT INTO new_seat_steps (id, organization_id, container_id, recurring, at, kind,"
                        + " reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, organizationId)
                .setParameter(3, UUID.fromString(String.valueOf(c[0] != null ? c[0] : c[1])))
                .setParameter(4, c[0] != null)
                .setParameter(5, t.withMinute(t.getMinute() / 15 * 15))
                .setParameter(6, kind)
                .setParameter(7, reason)
                .executeUpdate();
    }

    private static java.time.LocalDateTime utc(String instant) {
        return OffsetDateTime.parse(instant)
                .withOffsetSameInstant(ZoneOffset.UTC)
                .toLocalDateTime();
    }

    private static java.time.LocalDateTime shifted(Object column, long seconds) {
        if (column == null) {
            return null;
        }
        java.time.LocalDateTime t = column instanceof java.sql.Timestamp ts
                ? ts.toLocalDateTime()
                : column instanceof OffsetDateTime o
                        ? o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()
                        : (java.time.LocalDateTime) column;
        return t.plusSeconds(seconds);
    }
}
