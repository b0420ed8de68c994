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
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The benchmark's seeder: writes seats straight into a stopped server's database (H2 or PostgreSQL), in JDBC batches
 * and set-based SQL, so that a million seats take seconds instead of a million HTTP calls. The organization, its
 * billing customer, product and subscriptions are made through the API first (so they are exactly what the service
 * makes); this adds members, seats, sessions and events shaped as the service stores them (member model: every seat is
 * on the billing customer; every seat but the {@code invited} ones is held by a member).
 *
 * <pre>
 * java -cp h2.jar|postgresql.jar Seed.java URL SECRET ORGANIZATION BILLING_CUSTOMER ACTION...
 *   pending:SUBSCRIPTION:COUNT:FILE   pending seats with invitation tokens, each held by a member made for it (the
 *                                     invitee is already a member); the clear tokens go to FILE, one per line
 *   invited:SUBSCRIPTION:COUNT:FILE   pending seats with invitation tokens and an e-mail no member has (no member yet:
 *                                     the claim makes it); the clear tokens go to FILE
 *   claimed:SUBSCRIPTION:COUNT:FILE   claimed seats; their ids go to FILE
 *   filler:COUNT                      COUNT claimed seats spread over new subscriptions of 1,000 seats (copies of the
 *                                     first pending/claimed action's subscription), each with its member, a member
 *                                     session and its customer_seat.claimed event, as a database that has served a
 *                                     while holds them (at most once per database: its ids are numbered from 1)
 *   schema:NAME                       creates the schema NAME if it is missing (PostgreSQL: the floor's tables)
 * </pre>
 * The database user and password are SEED_DB_USER and SEED_DB_PASSWORD (default sa/sa, H2's). A PostgreSQL URL needs
 * {@code stringtype=unspecified}, so that ids bound as text are taken as uuid; the seeder then runs VACUUM ANALYZE
 * at the end ({@link #analyze}).
 * Invitation tokens are hashed as the service hashes them: HMAC-SHA256 under {@code SEATKEEPER_SECRET}'s UTF-8 bytes,
 * lowercase hex. Timestamps are UTC without a zone, as EclipseLink stores them.
 */
public class Seed {
    private static final int BATCH = 2_000;
    private static final int FILLER_SEATS_PER_SUBSCRIPTION = 1_000;

    private final Connection db;
    /** PostgreSQL (uuid columns, generate_series) rather than H2 (character ids, SYSTEM_RANGE). */
    private final boolean postgresql;

    private final Mac mac;
    private final String organization;
    private final String billingCustomer;
    private final Timestamp now = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
    private final Timestamp inAYear =
            Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).plusYears(1));
    private long emails;

    Seed(Connection db, byte[] secret, String organization, String billingCustomer) throws Exception {
        this.db = db;
        this.postgresql = db.getMetaData().getDatabaseProductName().equals("PostgreSQL");
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
        String user = System.getenv().getOrDefault("SEED_DB_USER", "sa");
        String password = System.getenv().getOrDefault("SEED_DB_PASSWORD", "sa");
        try (Connection db = DriverManager.getConnection(args[0], user, password)) {
            db.setAutoCommit(false);
            var seed = new Seed(db, args[1].getBytes(StandardCharsets.UTF_8), args[2], args[3]);
            String template = null;
            for (int i = 4; i < args.length; i++) {
                String[] part = args[i].split(":", 4);
                long started = System.nanoTime();
                switch (part[0]) {
                    case "pending", "invited", "claimed" -> {
                        template = template == null ? part[1] : template;
                        seed.seats(
                                part[1],
                                Integer.parseInt(part[2]),
                                Kind.valueOf(part[0].toUpperCase()),
                                Path.of(part[3]));
                    }
                    case "filler" -> seed.filler(template, Long.parseLong(part[1]));
                    case "schema" -> seed.schema(part[1]);
                    default -> throw new IllegalArgumentException("unknown action " + args[i]);
                }
                db.commit();
                System.out.printf("[seed] %s in %.1f s%n", args[i], (System.nanoTime() - started) / 1e9);
            }
            seed.steps();
            seed.analyze();
        }
    }

    /**
     * The organization's seat steps (what the seat metrics count: V11) made again from its seats, as the service
     * would have written them had it made the seeded seats: seats created, claimed and revoked per container and
     * quarter hour. Skipped on a schema before V11.
     */
    void steps() throws SQLException {
        try (var tables = db.getMetaData().getTables(null, null, postgresql ? "seat_steps" : "SEAT_STEPS", null)) {
            if (!tables.next()) {
                return;
            }
        }
        for (String table : List.of("SEAT_STEPS", "NEW_SEAT_STEPS")) {
            try (var delete = db.prepareStatement("DELETE FROM " + table + " WHERE ORGANIZATION_ID = ?")) {
                delete.setObject(1, id(organization));
                delete.executeUpdate();
            }
        }
        String seats = " FROM CUSTOMER_SEATS WHERE ORGANIZATION_ID = ?";
        String container = "ORGANIZATION_ID, COALESCE(SUBSCRIPTION_ID, ORDER_ID) AS CONTAINER_ID,"
                + " SUBSCRIPTION_ID IS NOT NULL AS RECURRING, ";
        try (var insert = db.prepareStatement("INSERT INTO SEAT_STEPS (ORGANIZATION_ID, CONTAINER_ID, RECURRING, AT,"
                + " KIND, REASON, N) SELECT ORGANIZATION_ID, CONTAINER_ID, RECURRING, AT, KIND, REASON, COUNT(*) FROM ("
                + "SELECT " + container + quarter("CREATED_AT") + " AS AT, 'created' AS KIND, '' AS REASON" + seats
                + " UNION ALL SELECT " + container + quarter("CLAIMED_AT") + ", 'claimed', ''" + seats
                + " AND CLAIMED_AT IS NOT NULL UNION ALL SELECT " + container + quarter("REVOKED_AT")
                + ", CASE WHEN CLAIMED_AT IS NULL THEN 'revoked_pending' ELSE 'revoked_claimed' END,"
                + " COALESCE(REVOCATION_REASON, 'manual')" + seats + " AND REVOKED_AT IS NOT NULL) S"
                + " GROUP BY ORGANIZATION_ID, CONTAINER_ID, RECURRING, AT, KIND, REASON")) {
            for (int i = 1; i <= 3; i++) {
                insert.setObject(i, id(organization));
            }
            insert.executeUpdate();
        }
        db.commit();
    }

    /** SQL for a timestamp column cut down to its quarter hour. */
    private static String quarter(String column) {
        return "DATE_TRUNC('hour', " + column + ") + FLOOR(EXTRACT(MINUTE FROM " + column + ") / 15) * INTERVAL '15'"
                + " MINUTE";
    }

    /** An id as the database's id columns take it: a UUID on PostgreSQL, text on H2. */
    private Object id(String text) {
        return postgresql ? UUID.fromString(text) : text;
    }

    /** The seats an action makes: see the class comment. */
    enum Kind {
        PENDING,
        INVITED,
        CLAIMED
    }

    /**
     * {@code count} seats on one subscription, pending with fresh invitation tokens (held by a member, or by nobody yet)
     * or claimed; tokens or ids to a file.
     *
     * <p>The {@code invited} seats are the first claim of a person: the claim finds no member on the seat and makes one
     * for its e-mail under the billing customer ({@code SeatClaimService.claim}, {@code MemberService.add}), the path
     * whose lock on the customer's row made first claims of one customer wait for each other. Today's assign makes the
     * member when the seat is assigned, in both models ({@code SeatRecipients.member} and {@code legacy}), so such seats
     * are stored by the service only when the member was never made at assign: a database of a release that made
     * members at claim (V1's {@code member_id} is nullable), or a change that moves the member's creation to the claim.
     * The seat is stored as that case stores it: on the billing customer, its e-mail set, no member; and no member
     * of the customer has the e-mail, so every claim of the pool makes a member.
     */
    void seats(String subscription, int count, Kind kind, Path out) throws SQLException, IOException {
        try (var file = new PrintWriter(Files.newBufferedWriter(out));
                var members = memberInsert();
                var seats = seatInsert()) {
            for (int i = 0; i < count; i++) {
                NewMember member = kind == Kind.INVITED ? invitee() : addMember(members);
                String seat = UUID.randomUUID().toString();
                if (kind != Kind.CLAIMED) {
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

    /** Creates a schema if it is missing (PostgreSQL; H2 knows the statement too). */
    void schema(String name) throws SQLException {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain lower-case SQL name: " + name);
        }
        try (var statement = db.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + name);
        }
    }

    /**
     * PostgreSQL: VACUUM ANALYZE of the tables just filled (H2 keeps its statistics as it goes). ANALYZE, so that the
     * server's statements are planned on the seeded tables' statistics; VACUUM, so that the measured loads do not pay
     * for setting the hint bits of a million fresh rows on first read (writing those pages back), which a database
     * that has served a while has long done.
     */
    void analyze() throws SQLException {
        if (postgresql) {
            db.setAutoCommit(true);
            try (var statement = db.createStatement()) {
                statement.execute("VACUUM ANALYZE");
            }
        }
    }

    /**
     * Claimed seats on new subscriptions, with a member, a session and an event each: set-based SQL over a range of
     * row numbers ({@code SYSTEM_RANGE} on H2, {@code generate_series} on PostgreSQL), which the database runs without a
     * JDBC round trip per row. Ids are version-4 UUIDs made from the row
     * number, with a first group per table ({@code f0…} subscriptions, {@code f1…} members, {@code f2…} seats,
     * {@code f3…} sessions, {@code f4…} events), so that rows refer to each other without a look-up.
     */
    void filler(String template, long count) throws SQLException {
        long subscriptions = (count + FILLER_SEATS_PER_SUBSCRIPTION - 1) / FILLER_SEATS_PER_SUBSCRIPTION;
        try (var copy = db.prepareStatement("INSERT INTO SUBSCRIPTIONS (ID, AMOUNT, CREATED_AT, CURRENCY,"
                + " CURRENT_PERIOD_END, CURRENT_PERIOD_START, METADATA, ORGANIZATION_ID, RECURRING_INTERVAL, SEATS,"
                + " STARTED_AT, STATUS, CUSTOMER_ID, PRODUCT_ID) SELECT " + uuid(id("f0", "R.X")) + ", AMOUNT,"
                + " CREATED_AT, CURRENCY, CURRENT_PERIOD_END, CURRENT_PERIOD_START, METADATA, ORGANIZATION_ID,"
                + " RECURRING_INTERVAL, ?, STARTED_AT, STATUS, CUSTOMER_ID, PRODUCT_ID FROM SUBSCRIPTIONS S, "
                + range("1", "?") + " WHERE S.ID = ?")) {
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
                            + uuid(id("f1", "X")) + ", ?, " + email + ", " + email
                            + ", ?, 'MEMBER', ? FROM " + range("?", "?"),
                    from,
                    to,
                    now,
                    organization,
                    billingCustomer);
            insert(
                    "INSERT INTO CUSTOMER_SEATS (ID, CLAIMED_AT, CREATED_AT, EMAIL, EMAIL_KEY, ORGANIZATION_ID, STATUS,"
                            + " CUSTOMER_ID, MEMBER_ID, SUBSCRIPTION_ID) SELECT " + uuid(id("f2", "X")) + ", ?, ?, "
                            + email + ", " + email + ", ?, 'CLAIMED', ?, " + uuid(id("f1", "X")) + ", "
                            + uuid(id("f0", "(X - 1) / " + FILLER_SEATS_PER_SUBSCRIPTION + " + 1"))
                            + " FROM " + range("?", "?"),
                    from,
                    to,
                    now,
                    now,
                    organization,
                    billingCustomer);
            insert(
                    "INSERT INTO MEMBER_SESSIONS (ID, CREATED_AT, EXPIRES_AT, ORGANIZATION_ID, TOKEN_HASH, MEMBER_ID)"
                            + " SELECT " + uuid(id("f3", "X")) + ", ?, ?, ?, " + sha256Hex("'session' || X") + ", "
                            + uuid(id("f1", "X")) + " FROM " + range("?", "?"),
                    from,
                    to,
                    now,
                    inAYear,
                    organization);
            insert(
                    "INSERT INTO EVENTS (ID, CREATED_AT, DISPATCHED_AT, ORGANIZATION_ID, PAYLOAD, TYPE) SELECT "
                            + uuid(id("f4", "X"))
                            + ", ?, ?, ?, '{\"type\":\"customer_seat.claimed\",\"data\":{\"id\":\"' || "
                            + id("f2", "X") + " || '\",\"status\":\"claimed\"}}', 'customer_seat.claimed'"
                            + " FROM " + range("?", "?"),
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

    /** SQL for the row numbers {@code from..to} as a table whose one column is {@code X} (alias {@code R}). */
    private String range(String from, String to) {
        return postgresql
                ? "generate_series(" + from + ", " + to + ") AS R(X)"
                : "SYSTEM_RANGE(" + from + ", " + to + ") R";
    }

    /** SQL that stores the UUID text {@code text} in an id column: uuid on PostgreSQL, character varying on H2. */
    private String uuid(String text) {
        return postgresql ? "CAST(" + text + " AS UUID)" : text;
    }

    /** SQL for the lowercase hex SHA-256 of the text {@code text}'s UTF-8 bytes. */
    private String sha256Hex(String text) {
        return postgresql
                ? "encode(sha256(convert_to(" + text + ", 'UTF8')), 'hex')"
                : "LOWER(RAWTOHEX(HASH('SHA-256', " + text + ")))";
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

    /** A unique e-mail for a seat whose invitee is not a member yet: no member row (its id is null). */
    private NewMember invitee() {
        String email =
                "invitee" + (emails++) + "-" + UUID.randomUUID().toString().substring(0, 8) + "@bench.example";
        return new NewMember(null, email);
    }

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

    /** A seat held by {@code member} (nobody if its id is null), with its e-mail; pending seats carry a token hash. */
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
