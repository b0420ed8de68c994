import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The benchmark's seeder: writes seats straight into a stopped server's H2 database, in JDBC batches, so that a million
 * seats take seconds instead of a million HTTP calls. The organization, its billing customer, product and subscriptions
 * are made through the API first (so they are exactly what the service makes); this adds members, seats, sessions and
 * events shaped as the service stores them (member model: every seat is on the billing customer and held by a member).
 *
 * <pre>
 * java -cp h2.jar Seed.java URL SECRET ORGANIZATION BILLING_CUSTOMER ACTION...
 *   pending:SUBSCRIPTION:COUNT:FILE   pending seats with invitation tokens; the clear tokens go to FILE, one per line
 *   claimed:SUBSCRIPTION:COUNT:FILE   claimed seats; their ids go to FILE
 *   filler:COUNT                      COUNT claimed seats spread over new subscriptions of 1,000 seats (copies of the
 *                                     first pending/claimed action's subscription), each with its member, a member
 *                                     session and its customer_seat.claimed event, as a database that has served a
 *                                     while holds them (at most once per database: its ids are numbered from 1)
 * </pre>
 * Invitation tokens are hashed as the service hashes them: HMAC-SHA256 under {@code SEATKEEPER_SECRET}'s UTF-8 bytes,
 * lowercase hex. Timestamps are UTC without a zone, as EclipseLink stores them.
 */
public class Seed {
    private static final int BATCH = 2_000;
    private static final int FILLER_SEATS_PER_SUBSCRIPTION = 1_000;

    private final Connection db;
    private final Mac mac;
    private final String organization;
    private final String billingCustomer;
    private final Timestamp now = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
    private final Timestamp inAYear =
            Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).plusYears(1));
    private long emails;

    Seed(Connection db, byte[] secret, String organization, String billingCustomer) throws Exception {
        this.db = db;
        this.mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        this.organization = organization;
        this.billingCustomer = billingCustomer;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: Seed URL SECRET ORGANIZATION BILLING_CUSTOMER ACTION...");
            System.exit(2);
        }
        try (Connection db = DriverManager.getConnection(args[0], "sa", "sa")) {
            db.setAutoCommit(false);
            var seed = new Seed(db, args[1].getBytes(StandardCharsets.UTF_8), args[2], args[3]);
            String template = null;
            for (int i = 4; i < args.length; i++) {
                String[] part = args[i].split(":", 4);
                long started = System.nanoTime();
                switch (part[0]) {
                    case "pending", "claimed" -> {
                        template = template == null ? part[1] : template;
                        seed.seats(part[1], Integer.parseInt(part[2]), part[0].equals("pending"), Path.of(part[3]));
                    }
                    case "filler" -> seed.filler(template, Long.parseLong(part[1]));
                    default -> throw new IllegalArgumentException("unknown action " + args[i]);
                }
                db.commit();
                System.out.printf("[seed] %s in %.1f s%n", args[i], (System.nanoTime() - started) / 1e9);
            }
        }
    }

    /** {@code count} seats on one subscription, pending with fresh invitation tokens or claimed; tokens or ids to a file. */
    void seats(String subscription, int count, boolean pending, Path out) throws SQLException, IOException {
        try (var file = new PrintWriter(Files.newBufferedWriter(out));
                var members = memberInsert();
                var seats = seatInsert()) {
            for (int i = 0; i < count; i++) {
                NewMember member = addMember(members);
                String seat = UUID.randomUUID().toString();
                if (pending) {
                    String token = "bench_" + UUID.randomUUID().toString().replace("-", "");
                    addSeat(seats, seat, subscription, member, "PENDING", hash(token));
                    file.println(token);
                } else {
                    addSeat(seats, seat, subscription, member, "CLAIMED", null);
                    file.println(seat);
                }
                if (i % BATCH == BATCH - 1) {
                    members.executeBatch();
                    seats.executeBatch();
                }
            }
            members.executeBatch();
            seats.executeBatch();
        }
    }

    /**
     * Claimed seats on new subscriptions, with a member, a session and an event each: set-based SQL over
     * {@code SYSTEM_RANGE}, which H2 runs without a JDBC round trip per row. Ids are version-4 UUIDs made from the row
     * number, with a first group per table ({@code f0…} subscriptions, {@code f1…} members, {@code f2…} seats,
     * {@code f3…} sessions, {@code f4…} events), so that rows refer to each other without a look-up.
     */
    void filler(String template, long count) throws SQLException {
        long subscriptions = (count + FILLER_SEATS_PER_SUBSCRIPTION - 1) / FILLER_SEATS_PER_SUBSCRIPTION;
        try (var copy = db.prepareStatement("INSERT INTO SUBSCRIPTIONS (ID, AMOUNT, CREATED_AT, CURRENCY,"
                + " CURRENT_PERIOD_END, CURRENT_PERIOD_START, METADATA, ORGANIZATION_ID, RECURRING_INTERVAL, SEATS,"
                + " STARTED_AT, STATUS, CUSTOMER_ID, PRODUCT_ID) SELECT " + id("f0", "R.X") + ", AMOUNT, CREATED_AT,"
                + " CURRENCY, CURRENT_PERIOD_END, CURRENT_PERIOD_START, METADATA, ORGANIZATION_ID, RECURRING_INTERVAL,"
                + " ?, STARTED_AT, STATUS, CUSTOMER_ID, PRODUCT_ID FROM SUBSCRIPTIONS S, SYSTEM_RANGE(1, ?) R"
                + " WHERE S.ID = ?")) {
            copy.setInt(1, FILLER_SEATS_PER_SUBSCRIPTION);
            copy.setLong(2, subscriptions);
            copy.setString(3, template);
            copy.executeUpdate();
        }
        // In slices, so that no one transaction holds a million rows' undo.
        for (long from = 1; from <= count; from += 100_000) {
            long to = Math.min(count, from + 99_999);
            String email = "'filler' || X || '@bench.example'";
            insert(
                    "INSERT INTO MEMBERS (ID, CREATED_AT, EMAIL, EMAIL_KEY, ORGANIZATION_ID, ROLE, CUSTOMER_ID) SELECT "
                            + id("f1", "X") + ", ?, " + email + ", " + email
                            + ", ?, 'MEMBER', ? FROM SYSTEM_RANGE(?, ?)",
                    from,
                    to,
                    now,
                    organization,
                    billingCustomer);
            insert(
                    "INSERT INTO CUSTOMER_SEATS (ID, CLAIMED_AT, CREATED_AT, EMAIL, EMAIL_KEY, ORGANIZATION_ID, STATUS,"
                            + " CUSTOMER_ID, MEMBER_ID, SUBSCRIPTION_ID) SELECT " + id("f2", "X") + ", ?, ?, " + email
                            + ", "
                            + email + ", ?, 'CLAIMED', ?, " + id("f1", "X") + ", "
                            + id("f0", "(X - 1) / " + FILLER_SEATS_PER_SUBSCRIPTION + " + 1")
                            + " FROM SYSTEM_RANGE(?, ?)",
                    from,
                    to,
                    now,
                    now,
                    organization,
                    billingCustomer);
            insert(
                    "INSERT INTO MEMBER_SESSIONS (ID, CREATED_AT, EXPIRES_AT, ORGANIZATION_ID, TOKEN_HASH, MEMBER_ID)"
                            + " SELECT " + id("f3", "X")
                            + ", ?, ?, ?, LOWER(RAWTOHEX(HASH('SHA-256', 'session' || X))), "
                            + id("f1", "X") + " FROM SYSTEM_RANGE(?, ?)",
                    from,
                    to,
                    now,
                    inAYear,
                    organization);
            insert(
                    "INSERT INTO EVENTS (ID, CREATED_AT, DISPATCHED_AT, ORGANIZATION_ID, PAYLOAD, TYPE) SELECT "
                            + id("f4", "X") + ", ?, ?, ?, '{\"type\":\"customer_seat.claimed\",\"data\":{\"id\":\"' || "
                            + id("f2", "X") + " || '\",\"status\":\"claimed\"}}', 'customer_seat.claimed'"
                            + " FROM SYSTEM_RANGE(?, ?)",
                    from,
                    to,
                    now,
                    now,
                    organization);
            db.commit();
        }
    }

    /** SQL for a version-4 UUID text whose first group starts with {@code prefix} and whose last group is {@code n}. */
    private static String id(String prefix, String n) {
        return "'" + prefix + "000000-0000-4000-8000-' || LPAD(CAST(" + n + " AS VARCHAR), 12, '0')";
    }

    /** Runs {@code sql} with {@code values} bound first and the range {@code from..to} last. */
    private void insert(String sql, long from, long to, Object... values) throws SQLException {
        try (var statement = db.prepareStatement(sql)) {
            int i = 1;
            for (Object value : values) {
                statement.setObject(i++, value);
            }
            statement.setLong(i++, from);
            statement.setLong(i, to);
            statement.executeUpdate();
        }
    }

    private PreparedStatement memberInsert() throws SQLException {
        return db.prepareStatement("INSERT INTO MEMBERS (ID, CREATED_AT, EMAIL, EMAIL_KEY, ORGANIZATION_ID, ROLE,"
                + " CUSTOMER_ID) VALUES (?, ?, ?, ?, ?, 'MEMBER', ?)");
    }

    private PreparedStatement seatInsert() throws SQLException {
        return db.prepareStatement("INSERT INTO CUSTOMER_SEATS (ID, CLAIMED_AT, CREATED_AT, EMAIL, EMAIL_KEY,"
                + " INVITATION_TOKEN_EXPIRES_AT, INVITATION_TOKEN_HASH, ORGANIZATION_ID, STATUS, CUSTOMER_ID, MEMBER_ID,"
                + " SUBSCRIPTION_ID) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }

    /** A member of the billing customer: its id and unique e-mail. */
    private record NewMember(String id, String email) {}

    /** Adds a member of the billing customer with a unique e-mail. */
    private NewMember addMember(PreparedStatement members) throws SQLException {
        String id = UUID.randomUUID().toString();
        String email = "seat" + (emails++) + "-" + id.substring(0, 8) + "@bench.example";
        members.setString(1, id);
        members.setTimestamp(2, now);
        members.setString(3, email);
        members.setString(4, email);
        members.setString(5, organization);
        members.setString(6, billingCustomer);
        members.addBatch();
        return new NewMember(id, email);
    }

    /** A seat held by {@code member}, with its e-mail; pending seats carry a token hash. */
    private void addSeat(
            PreparedStatement seats, String id, String subscription, NewMember member, String status, String tokenHash)
            throws SQLException {
        seats.setString(1, id);
        seats.setTimestamp(2, status.equals("CLAIMED") ? now : null);
        seats.setTimestamp(3, now);
        seats.setString(4, member.email());
        seats.setString(5, member.email());
        seats.setTimestamp(6, tokenHash == null ? null : inAYear);
        seats.setString(7, tokenHash);
        seats.setString(8, organization);
        seats.setString(9, status);
        seats.setString(10, billingCustomer);
        seats.setString(11, member.id());
        seats.setString(12, subscription);
        seats.addBatch();
    }

    private String hash(String token) {
        return HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
    }
}
