#!/usr/bin/env node
// The performance benchmark (README, "Performance"). On H2 (default) or PostgreSQL (--db postgresql: the private
// PostgreSQL of server-config/postgresql, started here and stopped at the end), starts the microbundle with the no-op
// WAR and the floor WAR deployed beside it (one JVM, the README's start command), seeds seats straight into the database
// (bench/seed/Seed.java), warms every operation, then drives each with wrk and prints, for each: throughput, its share
// of the stack's floor measured in the same run (writes: of the floor's JPA insert; reads: of the floor's JPA read by
// primary key), p50/p99, p99 as a multiple of the floor insert's, and the issue's target beside each figure (reported,
// never enforced). Then the memory pass: a fresh server without the floor WAR (its data source, persistence unit and, on
// H2, its own database file would count in the process) runs every other load as the main server does, while its
// resident memory is sampled. Then the flatness run: the claim and revoke loads on a fresh server whose database holds the loads' own pools and 1,000
// other seats, and on one whose database holds the same pools and 1,000,000 other seats (each with its member, a member
// session and an event), p50 compared; on that larger database, the seat metrics and the seat-usage ledger are timed
// beside a seat list (bench/usage.mjs; in the smoke run, on the main server, whose database holds the other seats).
//
//   node bench/run.mjs [--db h2|postgresql|both] [--duration 10] [--warmup 10] [--connections 32] [--threads 2]
//                      [--large 1000000] [--no-flatness] [--no-memory] [--smoke] [--only claim,portal]
//                      [--jar target/seatkeeper-microbundle.jar] [--noop bench/noop/target/noop.war]
//                      [--floor-war bench/floor/target/floor.war] [--activity-rate 4] [--activity-rounds 2]
//
// The activity line (bench/activity.mjs, on a server of its own after the main table): the claim load alone and with
// 1,000-item activity batches beside it, their ratio; `--only activity` runs it alone, BENCH_JFR=activity records it.
//
// --duration and --warmup are seconds per operation. --only: the operations whose names start with one of these (and
// the no-op and the floor, which the shares need), to measure one change quickly. --smoke: both databases unless --db
// says otherwise, no warm-up and two seconds of load per operation, on one server per database whose database also
// holds 20,000 other seats (the seeder's filler is exercised), no memory pass and no flatness comparison: checks that
// every operation answers 2xx under load (exit status 1 if not), for CI; its figures mean little. A measured request
// that found its pool used up (a claimed token claimed again) counts as an error and fails the run; a ratio below its
// target never does.
// --db postgresql: server-config/postgresql/start.sh on PG_PORT (default 55440, outside the tests' 55432-55439), one
// fresh database per server (bench_main, bench_memory, bench_small, bench_large), the floor's table in the schema
// "floor" of the main server's database; stopped (and its data directory deleted) at the end, unless it was already
// running when the benchmark started.
// BENCH_JFR=claim: a JFR recording (settings=profile) of the server while the operation whose name starts so is
// measured, kept in the work directory (which is then kept). BENCH_JAVA_OPTIONS: the server's JVM options instead of
// the README's.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, must } from "../conformance/local.mjs";
import { activityAlone, activityLine, activitySelected } from "./activity.mjs";
import { timeUsage } from "./usage.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");
const argument = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const flag = (name) => process.argv.includes(`--${name}`);

const smoke = flag("smoke");
const settings = {
  duration: Number(argument("duration", smoke ? 2 : 10)),
  warmup: Number(argument("warmup", smoke ? 0 : 10)),
  connections: Number(argument("connections", 32)),
  threads: Number(argument("threads", 2)),
  large: Number(argument("large", smoke ? 20000 : 1000000)),
  small: 1000,
  flatDuration: smoke ? 2 : 5,
};
const dbChoice = argument("db", smoke ? "both" : "h2");
if (!["h2", "postgresql", "both"].includes(dbChoice)) throw new Error(`--db: h2, postgresql or both, not ${dbChoice}`);
const databases = dbChoice === "both" ? ["h2", "postgresql"] : [dbChoice];
const jar = resolve(root, argument("jar", "target/seatkeeper-microbundle.jar"));
const noopWar = resolve(root, argument("noop", "bench/noop/target/noop.war"));
const floorWar = resolve(root, argument("floor-war", "bench/floor/target/floor.war"));
const postgresqlJar = resolve(root, "target/postgresql.jar");
const java = process.env.JAVA ?? "java";
/** The JVM options of the README's start command; BENCH_JAVA_OPTIONS replaces them. */
const README_JAVA_OPTIONS = "-Xmx224m -XX:+UseSerialGC";
const log = (line) => console.log(`[bench] ${line}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Fresh tokens or seats per write operation of the main table (a third for its warm-up) and of each flatness load
 * (half for its warm-up): more than the fastest run so far uses. A measured run that uses up its pool fails with
 * errors; a warm-up that does starts over and is answered 400, which is not counted.
 */
const POOL = smoke ? 6000 : 45000;
const FLAT_POOL = smoke ? 3000 : 12000;

/**
 * The issue's targets (performance issue 26), each a ratio measured in one run: printed beside the figures, never
 * enforced. Writes are shares of the floor's JPA insert, reads of the floor's JPA read by primary key.
 */
const TARGETS = {
  memberClaim: 0.5,
  firstClaim: 0.5,
  revoke: 0.5,
  assignSpread: 0.4,
  assignOne: 0.2,
  read: 0.9,
  p99: 3,
  firstOverMember: 0.9,
  rssMb: 600,
  flatness: { postgresql: 1.2, h2: 1.3 },
};

const workDir = mkdtempSync(join(tmpdir(), "seatkeeper-bench-"));
const h2Jar = extractH2Jar();
const baseEnv = {
  ...process.env,
  SEATKEEPER_ADMIN_TOKEN: randomBytes(16).toString("hex"),
  SEATKEEPER_SECRET: randomBytes(24).toString("hex"),
  SEATKEEPER_SESSION_TTL: "PT6H",
};
for (const name of ["SEATKEEPER_DB_URL", "SEATKEEPER_DB_USER", "SEATKEEPER_DB_PASSWORD", "SEATKEEPER_DATA_DIR",
  "SEATKEEPER_DB_DATASOURCE", "FLOOR_DB_DATASOURCE", "FLOOR_DB_URL", "FLOOR_DB_USER", "FLOOR_DB_PASSWORD"]) delete baseEnv[name];

/** The H2 driver the server itself runs (Payara Micro's), taken out of the microbundle, so the seeder writes its format. */
function extractH2Jar() {
  if (!existsSync(jar)) throw new Error(`no ${jar}: build first (mvn -B package -DskipTests)`);
  execFileSync("jar", ["xf", jar, "MICRO-INF/runtime/h2.jar"], { cwd: workDir });
  return join(workDir, "MICRO-INF/runtime/h2.jar");
}

/** The servers' database names on PostgreSQL: one fresh database per server. */
const PG_DATABASES = ["main", "memory", "small", "large", "activity"];

/**
 * The private PostgreSQL (server-config/postgresql/start.sh), its databases emptied for this run; stopped and its data
 * directory deleted by {@link stop}, unless it was running before.
 */
class PostgreSQL {
  constructor() {
    this.port = process.env.PG_PORT ?? "55440";
    this.env = { ...process.env, PG_PORT: this.port };
    this.user = process.env.PG_USER ?? "seatkeeper";
    this.password = process.env.PG_PASSWORD ?? "seatkeeper";
    this.started = false;
  }

  start() {
    const run = spawnSync(join(root, "server-config/postgresql/start.sh"), ["--fresh", ...PG_DATABASES.map((n) => `bench_${n}`)],
      { env: this.env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    process.stderr.write(run.stderr ?? "");
    if (run.status !== 0) throw new Error(`server-config/postgresql/start.sh failed (${run.status})`);
    this.started = !/already running/.test(run.stderr);
    const urls = run.stdout.trim().split("\n");
    this.urls = Object.fromEntries(PG_DATABASES.map((n, i) => [n, urls[i]]));
    log(`PostgreSQL on port ${this.port}${this.started ? "" : " (already running: left running at the end)"}`);
  }

  /** Synchronous, so that it also runs from the process's exit handler. */
  stop() {
    if (!this.started) return;
    this.started = false;
    spawnSync(join(root, "server-config/postgresql/stop.sh"), ["--purge"], { env: this.env, stdio: "inherit" });
  }
}

/**
 * Where a server's data lives, for the server, the floor WAR and the seeder. H2: files under the server's directory
 * (the floor's own file, ./data/floor, its data source's default). PostgreSQL: the database of the server's name; the
 * floor's table in the schema "floor" of that database (not beside Seatkeeper's tables: a database whose first
 * migration finds a table it did not make is refused by Flyway).
 */
function database(kind, postgresql) {
  if (kind === "h2") {
    return {
      kind,
      serverEnv: () => ({}),
      seed: (dir) => ({ url: `jdbc:h2:file:${join(dir, "data/seatkeeper")}`, classpath: h2Jar, user: "sa", password: "sa" }),
      // The embedded file is the server's alone while it runs: seeded between two starts.
      live: false,
    };
  }
  const pg = postgresql;
  return {
    kind,
    serverEnv: (name) => ({
      SEATKEEPER_DB_URL: pg.urls[name], SEATKEEPER_DB_USER: pg.user, SEATKEEPER_DB_PASSWORD: pg.password,
      FLOOR_DB_DATASOURCE: "org.postgresql.ds.PGSimpleDataSource", FLOOR_DB_URL: `${pg.urls[name]}?currentSchema=floor`,
      FLOOR_DB_USER: pg.user, FLOOR_DB_PASSWORD: pg.password,
    }),
    seed: (dir, name) => ({
      url: `${pg.urls[name]}?stringtype=unspecified&reWriteBatchedInserts=true`, classpath: postgresqlJar,
      user: pg.user, password: pg.password,
    }),
    // Seeded while the server runs (the seeder only adds rows, and no entity is cached: shared-cache-mode NONE), which
    // spares a restart per server; the floor's schema is made before the server starts.
    live: true,
  };
}

/**
 * A server on a database of its own: started as the README starts it, with the no-op WAR beside it, and the floor WAR
 * when asked.
 */
class Server {
  constructor(name, db) {
    this.name = name;
    this.db = db;
    this.dir = join(workDir, db.kind, name);
    mkdirSync(this.dir, { recursive: true });
    this.process = null;
  }

  async start(port, { floor = false } = {}) {
    this.port = port;
    this.base = `http://127.0.0.1:${port}`;
    const logFd = openSync(join(this.dir, "server.log"), "a");
    // The README's start command: its heap settings are part of what the memory figure measures.
    const options = (process.env.BENCH_JAVA_OPTIONS ?? README_JAVA_OPTIONS).split(" ").filter(Boolean);
    this.process = spawn(java, [...options, "-jar", jar, "--port", String(port), "--nohazelcast", "--disablephonehome",
      "--deploy", noopWar, ...(floor ? ["--deploy", floorWar] : [])],
    { cwd: this.dir, env: { ...baseEnv, ...this.db.serverEnv(this.name) }, stdio: ["ignore", logFd, logFd] });
    closeSync(logFd);
    const deadline = Date.now() + 300000;
    const status = (u, init) => fetch(u, { ...init, signal: AbortSignal.timeout(3000) }).then(async (r) => (await r.arrayBuffer(), r.status));
    while (Date.now() < deadline) {
      if (this.process.exitCode !== null) throw new Error(`the server exited during start-up; see ${this.dir}/server.log`);
      try {
        const [api, noop] = await Promise.all([status(`${this.base}/v1/customers/`), status(`${this.base}/noop/ping`)]);
        if (api === 401 && noop === 200 && (!floor || (await floorRow(this.base)))) return;
      } catch {
        /* not yet */
      }
      await sleep(300);
    }
    throw new Error(`the server did not serve within 300 s; see ${this.dir}/server.log`);
  }

  stop() {
    return new Promise((res) => {
      if (!this.process || this.process.exitCode !== null || this.process.signalCode !== null) return res();
      this.process.once("exit", () => res());
      this.process.kill("SIGTERM");
    });
  }

  /**
   * CPU time the server process has used so far, user and system, in milliseconds (Linux /proc; clock ticks of 10 ms).
   * Per request it is what an operation costs the server, background threads (JIT, GC, H2's writer) included; on
   * PostgreSQL the database server's own CPU is not in it.
   */
  cpuMillis() {
    try {
      const fields = readFileSync(`/proc/${this.process.pid}/stat`, "utf8").split(") ")[1].split(" ");
      return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return 0;
    }
  }

  /**
   * Bytes the database has written so far: on H2 the server process's writes to storage (Linux /proc/PID/io
   * write_bytes: the database files, the log), on PostgreSQL the cluster's write-ahead log position (every change
   * PostgreSQL makes durable is written there first, pages in full after a checkpoint). Per request it shows what an
   * operation costs the database's storage, which CPU time does not: on PostgreSQL that work is in another process,
   * on H2 much of it in background threads.
   */
  writtenBytes() {
    try {
      if (this.db.kind === "postgresql") {
        const lsn = execFileSync("psql", ["-X", "-At", "-h", "127.0.0.1", "-p", postgresql.port, "-U", postgresql.user,
          "-d", "postgres", "-c", "SELECT pg_current_wal_lsn() - '0/0'"],
          { env: { ...process.env, PGPASSWORD: postgresql.password }, encoding: "utf8" });
        return Number(lsn.trim());
      }
      const io = readFileSync(`/proc/${this.process.pid}/io`, "utf8");
      return Number(/write_bytes:\s+(\d+)/.exec(io)[1]);
    } catch {
      return NaN;
    }
  }

  /** Resident set size of the server process, bytes (Linux /proc). */
  rss() {
    try {
      const status = readFileSync(`/proc/${this.process.pid}/status`, "utf8");
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) * 1024;
    } catch {
      return 0;
    }
  }
}

const servers = [];
let postgresql = null;
process.on("exit", () => {
  for (const server of servers) if (server.process && server.process.exitCode === null) server.process.kill("SIGKILL");
  if (postgresql) postgresql.stop();
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(130));


/**
 * The organization and everything the API should make itself: product, billing customer (its owner member), the
 * subscriptions each load works on, an organization token and the owner's portal session.
 */
async function setUp(base) {
  const admin = baseEnv.SEATKEEPER_ADMIN_TOKEN;
  const slug = `bench-${randomUUID().slice(0, 8)}`;
  const org = await must(base, "POST", "/v1/organizations/", admin, {
    name: "Bench", slug, feature_settings: { seat_based_pricing_enabled: true, member_model_enabled: true },
  });
  const { token } = await must(base, "POST", "/v1/organization-access-tokens/", admin, {
    organization_id: org.id, comment: "benchmark",
    scopes: ["customers:write", "customers:read", "products:write", "products:read", "subscriptions:write",
      "subscriptions:read", "customer_seats:write", "customer_seats:read", "members:read", "customer_sessions:write"],
  });
  const product = await must(base, "POST", "/v1/products/", token, {
    name: "Team", recurring_interval: "month",
    prices: [{ amount_type: "seat_based", price_currency: "usd", seat_tiers: { tiers: [{ min_seats: 1, price_per_seat: 100 }] } }],
  });
  const customer = await must(base, "POST", "/v1/customers/", token, { email: `billing@${slug}.example`, name: "Billing" });
  const subscription = (seats) => must(base, "POST", "/v1/subscriptions/", token,
    { product_id: product.id, customer_id: customer.id, seats }).then((s) => s.id);
  // Every subscription is the one billing customer's: first claims of its invitees all make members of that customer.
  const containers = {
    claim: await subscription(POOL + 1000),
    firstClaim: await subscription(POOL),
    portalRevoke: await subscription(POOL),
    orgRevoke: await subscription(POOL),
    list: await subscription(100),
    assignOne: await subscription(1000000),
    assignSpread: await Promise.all(Array.from({ length: 100 }, () => subscription(100000))),
  };
  const session = await must(base, "POST", "/v1/customer-sessions/", token, { customer_id: customer.id });
  return { org, token, customer, containers, portalToken: session.token };
}

/** Runs bench/seed/Seed.java on a server's database for the organization and customer of {@code setup}. */
function runSeed(server, setup, actions) {
  const target = server.db.seed(server.dir, server.name);
  execFileSync(java, ["-cp", target.classpath, join(here, "seed/Seed.java"), target.url, baseEnv.SEATKEEPER_SECRET,
    setup?.org.id ?? "-", setup?.customer.id ?? "-", ...actions],
  { stdio: "inherit", env: { ...process.env, SEED_DB_USER: target.user, SEED_DB_PASSWORD: target.password } });
}

/**
 * Seeds a server's database (stopped, on H2) with pools of {@code pool} seats and {@code filler} others; returns the
 * pools. {@code firstClaims}: also a pool of pending seats whose invitees are no member yet (Seed.java, "invited").
 */
function seed(server, setup, pool, filler, { firstClaims = false } = {}) {
  const pools = join(server.dir, "pools");
  mkdirSync(pools, { recursive: true });
  const c = setup.containers;
  const file = (name) => join(pools, `${name}.txt`);
  runSeed(server, setup, [
    `pending:${c.claim}:${pool}:${file("claim")}`,
    ...(firstClaims ? [`invited:${c.firstClaim}:${pool}:${file("first-claim")}`] : []),
    `claimed:${c.portalRevoke}:${pool}:${file("portal-revoke")}`,
    `claimed:${c.orgRevoke}:${pool}:${file("org-revoke")}`,
    `claimed:${c.list}:100:${file("list")}`,
    ...(filler > 0 ? [`filler:${filler}`] : [])]);
  const lines = (name) => readFileSync(file(name), "utf8").trim().split("\n");
  return {
    claim: lines("claim"), firstClaim: firstClaims ? lines("first-claim") : [], portalRevoke: lines("portal-revoke"),
    orgRevoke: lines("org-revoke"), list: lines("list"),
  };
}

/**
 * One operation: its name, the bearer token ("" for none), its request lines (METHOD \t PATH [\t BODY]) for the warm-up
 * and for the measured run, and what the issue compares it with: {@code kind} "write" (a share of the floor's JPA
 * insert), "read" (of the floor's JPA read) or none; {@code target} that share's target, {@code p99Target} whether its p99
 * has one (3 × the floor insert's). A read lists one line, sent again and again; a write one line per fresh token, seat or
 * e-mail; {@code repeats}: a write whose lines may be sent again (an entitlement per seat, as often as asked).
 */
function operation(name, auth, warm, measured, { kind = null, target = null, p99Target = false, repeats = false } = {}) {
  return { name, auth, warm, measured, kind, target, p99Target, repeats };
}

/** Request lines for a warm-up and a measured run: the first {@code warmShare} of the pool, and the rest. */
const split = (pool, warmShare, make) => {
  const warmCount = Math.floor(pool.length * warmShare);
  return [pool.slice(0, warmCount).map(make), pool.slice(warmCount).map(make)];
};

const FLOOR_INSERT = "floor: one JPA insert";
const ENTITLEMENT = "entitlement issue (Ed25519 token)";
const FLOOR_READ = "floor: one JPA read by primary key";

/** The floor's operations (bench/floor): the two inserts (a line per request, as for every write) and the read of one row. */
function floor(setup) {
  const inserts = (path) => [POOL / 3, POOL].map((n) => Array.from({ length: n }, () => `POST\t${path}\t{"name":"floor"}`));
  return [
    operation(FLOOR_INSERT, "", ...inserts("/floor/rows"), { kind: "write" }),
    operation("floor: one JDBC insert", "", ...inserts("/floor/rows/jdbc"), { kind: "write" }),
    operation(FLOOR_READ, "", [`GET\t/floor/rows/${setup.floorRow}`], [`GET\t/floor/rows/${setup.floorRow}`],
      { kind: "read" }),
  ];
}

/** The main table's operations; {@code withFloor}: the floor's three first (after the no-op). */
function operations(setup, pools, withFloor) {
  const c = setup.containers;
  const share = 1 / 3;
  const emails = (prefix, count) => Array.from({ length: count }, (_, i) => `${prefix}${i}-${randomUUID().slice(0, 6)}@assign.example`);
  const claim = (t) => `POST\t/v1/customer-seats/claim\t{"invitation_token":"${t}"}`;
  // Claim info reads the pool's last 1,000 tokens, which nothing claims.
  const claimTokens = pools.claim.slice(0, -1000);
  const infoTokens = pools.claim.slice(-1000);
  const write = (target) => ({ kind: "write", target, p99Target: true });
  return [
    operation("no-op GET", "", ["GET\t/noop/ping"], ["GET\t/noop/ping"]),
    // The stack's floor (bench/floor): one JPA insert in a session bean's transaction, the same insert through JDBC
    // alone, one JPA read by primary key; nothing of Seatkeeper's.
    ...(withFloor ? floor(setup) : []),
    operation("claim, invitee already a member", "", ...split(claimTokens, share, claim), write(TARGETS.memberClaim)),
    operation("claim, first claim (no member yet)", "", ...split(pools.firstClaim, share, claim), write(TARGETS.firstClaim)),
    operation("claim info", "", ...[infoTokens, infoTokens].map((ts) => ts.map((t) => `GET\t/v1/customer-seats/claim/${t}`)),
      { kind: "read", target: TARGETS.read }),
    operation("portal revoke", setup.portalToken,
      ...split(pools.portalRevoke, share, (id) => `DELETE\t/v1/customer-portal/seats/${id}`), write(TARGETS.revoke)),
    operation("organization revoke", setup.token,
      ...split(pools.orgRevoke, share, (id) => `DELETE\t/v1/customer-seats/${id}`), write(TARGETS.revoke)),
    operation("assign, one subscription", setup.token, ...split(emails("one", POOL), share, (e) =>
      `POST\t/v1/customer-seats\t{"subscription_id":"${c.assignOne}","email":"${e}"}`), { kind: "write", target: TARGETS.assignOne }),
    operation("assign, 100 subscriptions", setup.token, ...split(emails("spread", POOL), share, (e, i) =>
      `POST\t/v1/customer-seats\t{"subscription_id":"${c.assignSpread[i % 100]}","email":"${e}"}`),
    { kind: "write", target: TARGETS.assignSpread }),
    // Offline entitlements of the list's 100 claimed seats, round and round: each seat's status index is handed out on
    // its first issue (in the warm-up), later ones read it, the keys, and sign. Compared with the claim below the table.
    operation(ENTITLEMENT, setup.token, ...[pools.list, pools.list].map((ids) =>
      ids.map((id) => `POST\t/v1/customer-seats/${id}/entitlement`)), { kind: "write", repeats: true }),
    operation("seat list (100 seats)", setup.token, [`GET\t/v1/customer-seats?subscription_id=${c.list}`],
      [`GET\t/v1/customer-seats?subscription_id=${c.list}`], { kind: "read" }),
    operation("portal GET (session auth)", setup.portalToken, ["GET\t/v1/customer-portal/customer-session/introspect"],
      ["GET\t/v1/customer-portal/customer-session/introspect"], { kind: "read", target: TARGETS.read }),
    operation("no-op GET (again)", "", ["GET\t/noop/ping"], ["GET\t/noop/ping"]),
  ];
}

/** The loads compared in the flatness run: half of each pool warms, the other half is measured. */
function flatnessOperations(setup, pools) {
  return [
    operation("claim", "", ...split(pools.claim, 0.5, (t) => `POST\t/v1/customer-seats/claim\t{"invitation_token":"${t}"}`)),
    operation("portal revoke", setup.portalToken,
      ...split(pools.portalRevoke, 0.5, (id) => `DELETE\t/v1/customer-portal/seats/${id}`)),
    operation("organization revoke", setup.token,
      ...split(pools.orgRevoke, 0.5, (id) => `DELETE\t/v1/customer-seats/${id}`)),
  ];
}

/** Runs wrk once over the lines; returns its summary (requests/s, p50/p99 in ms, non-2xx and socket errors). */
function wrk(server, lines, auth, seconds) {
  const file = join(workDir, `requests-${randomUUID()}.txt`);
  writeFileSync(file, lines.join("\n") + "\n");
  return new Promise((res, rej) => {
    const child = spawn("wrk", [`-t${settings.threads}`, `-c${settings.connections}`, `-d${seconds}s`, "--timeout", "10s",
      "-s", join(here, "wrk/requests.lua"), server.base, "--", file, auth, String(settings.threads)]);
    let out = "";
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, server.rss())), 200);
    const cpuBefore = server.cpuMillis();
    const writtenBefore = server.writtenBytes();
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", rej);
    child.on("exit", (code) => {
      clearInterval(sampler);
      const cpu = server.cpuMillis() - cpuBefore;
      const written = server.writtenBytes() - writtenBefore;
      rmSync(file, { force: true });
      const line = out.split("\n").find((l) => l.startsWith("{\"requests\""));
      if (code !== 0 || !line) return rej(new Error(`wrk failed (${code}): ${out}`));
      const r = JSON.parse(line);
      res({
        throughput: r.requests / (r.duration_us / 1e6), p50: r.p50_us / 1000, p99: r.p99_us / 1000,
        errors: r.non2xx + r.connect + r.read + r.write + r.timeout, requests: r.requests, rss: peak,
        cpuPerRequest: r.requests ? cpu / r.requests : 0,
        writtenPerRequest: r.requests ? written / r.requests : NaN,
      });
    });
  });
}

/** A JFR recording (settings=profile) of the server while one operation is measured, written to the work directory. */
function jfr(server, op) {
  const file = join(workDir, `${server.db.kind}-${server.name}-${op.name.replace(/\W+/g, "-")}.jfr`);
  execFileSync("jcmd", [String(server.process.pid), "JFR.start", "name=bench", "settings=profile"], { stdio: "ignore" });
  return {
    stop() {
      execFileSync("jcmd", [String(server.process.pid), "JFR.stop", "name=bench", `filename=${file}`], { stdio: "ignore" });
      log(`JFR recording of ${op.name}: ${file}`);
    },
  };
}

/**
 * Warms every operation in turn (their warm-up lines; answers are not counted), then measures each in turn: the
 * server's JIT compiles the code the operations share during the first round, so that no operation is measured on
 * code still being compiled (in one trial the no-op ran at 2,900/s before the other operations and 6,700/s after).
 */
async function measure(server, allOps, seconds = settings.duration) {
  const only = argument("only", null)?.split(",");
  const ops = only
    ? allOps.filter((op) => op.name.startsWith("no-op") || op.name.startsWith("floor") || only.some((o) => op.name.startsWith(o)))
    : allOps;
  if (settings.warmup > 0) for (const op of ops) await wrk(server, op.warm, op.auth, settings.warmup);
  const results = [];
  for (const op of ops) {
    const recording = process.env.BENCH_JFR && op.name.startsWith(process.env.BENCH_JFR) ? jfr(server, op) : null;
    const r = await wrk(server, op.measured, op.auth, seconds);
    if (recording) recording.stop();
    // A write's lines each stand for a fresh token, seat or e-mail: sent more often than listed, its pool ran dry.
    const write = !op.repeats && !op.measured[0].startsWith("GET\t");
    if (write && r.requests > op.measured.length) r.errors += r.requests - op.measured.length;
    results.push({ ...op, ...r });
    log(`${server.db.kind} ${server.name}: ${op.name}: ${r.throughput.toFixed(0)}/s, p50 ${r.p50.toFixed(1)} ms, ` +
      `p99 ${r.p99.toFixed(1)} ms, ${r.errors} errors, server CPU ${r.cpuPerRequest.toFixed(2)} ms/request, ` +
      `database writes ${kb(r.writtenPerRequest)}/request, ` +
      `RSS ${(r.rss / 2 ** 20).toFixed(0)} MB`);
  }
  return results;
}

const percent = (x) => `${(100 * x).toFixed(0)} %`;
const verdict = (met) => (met ? "met" : "not met");
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const kb = (bytes) => (Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(1)} KB` : "?");

/**
 * The main table: each operation's throughput as a share of its floor reference (writes: the floor's JPA insert; reads:
 * the floor's JPA read by primary key), its p99 as a multiple of the floor insert's, each beside its target.
 */
function printTable(db, results, memory) {
  const noops = results.filter((r) => r.name.startsWith("no-op"));
  const noop = noops.reduce((a, r) => a + r.throughput, 0) / noops.length;
  const noopCpu = noops.reduce((a, r) => a + r.cpuPerRequest, 0) / noops.length;
  const insert = results.find((r) => r.name === FLOOR_INSERT);
  const read = results.find((r) => r.name === FLOOR_READ);
  const reference = (r) => (r.kind === "write" ? insert : r.kind === "read" ? read : null);
  console.log(`\n### ${db === "h2" ? "H2 (file)" : "PostgreSQL"}\n`);
  console.log(`| operation | throughput | share of its floor | target | p50 | p99 | p99 / floor insert's | target | ` +
    `server CPU / request | database writes / request | errors | peak RSS (floor deployed) |`);
  console.log(`|---|---:|---:|---|---:|---:|---:|---|---:|---:|---:|---:|`);
  for (const r of results) {
    const ref = reference(r);
    const share = ref ? r.throughput / ref.throughput : null;
    const p99 = insert ? r.p99 / insert.p99 : null;
    console.log(`| ${r.name} | ${r.throughput.toFixed(0)}/s | ${share === null ? "" : percent(share)} | ` +
      `${r.target && share !== null ? `≥ ${percent(r.target)}: ${verdict(share >= r.target)}` : ""} | ` +
      `${r.p50.toFixed(1)} ms | ${r.p99.toFixed(1)} ms | ${p99 === null || r.name.startsWith("no-op") ? "" : p99.toFixed(2)} | ` +
      `${r.p99Target && p99 !== null ? `≤ ${TARGETS.p99}: ${verdict(p99 <= TARGETS.p99)}` : ""} | ` +
      `${r.cpuPerRequest.toFixed(2)} ms | ${kb(r.writtenPerRequest)} | ${r.errors} | ${mb(r.rss)} |`);
  }
  const member = results.find((r) => r.name.startsWith("claim, invitee already"));
  const first = results.find((r) => r.name.startsWith("claim, first"));
  console.log("");
  if (member && first) {
    const ratio = first.throughput / member.throughput;
    console.log(`First claims / claims by existing members: ${percent(ratio)} (target ≥ ${percent(TARGETS.firstOverMember)}: ` +
      `${verdict(ratio >= TARGETS.firstOverMember)}).`);
  }
  const entitlement = results.find((r) => r.name === ENTITLEMENT);
  if (entitlement && member) {
    const ratio = entitlement.throughput / member.throughput;
    console.log(`Issuing an entitlement / a claim (invitee already a member): ${percent(ratio)} of the throughput, ` +
      `${entitlement.cpuPerRequest.toFixed(2)} vs ${member.cpuPerRequest.toFixed(2)} ms of server CPU per request ` +
      `(target: costs less than a claim, > 100 %: ${verdict(ratio > 1)}).`);
  }
  if (insert && read) {
    console.log(`Floor references, same run: JPA insert ${insert.throughput.toFixed(0)}/s (p99 ${insert.p99.toFixed(1)} ms), ` +
      `JPA read by primary key ${read.throughput.toFixed(0)}/s. Writes are shares of the insert, reads (claim info, seat ` +
      `list, portal GET) of the read.`);
  }
  console.log(`No-op GET: mean of its two runs ${noop.toFixed(0)}/s, ${noopCpu.toFixed(2)} ms of server CPU per request.`);
  if (memory) {
    const peak = Math.max(...memory.map((r) => r.rss));
    console.log(`Resident memory (memory pass: a fresh server with Seatkeeper and the no-op, no floor WAR, the loads ` +
      `above warmed and measured as above, ${process.env.BENCH_JAVA_OPTIONS ?? README_JAVA_OPTIONS}): ` +
      `peak ${mb(peak)} (target ≤ ${TARGETS.rssMb} MB: ${verdict(peak <= TARGETS.rssMb * 2 ** 20)})` +
      `${db === "postgresql" ? "; the Payara process only, not the database server's" : ""}.`);
  } else {
    console.log(`Resident memory: no memory pass in this run; the peak RSS column includes the floor WAR's data source and ` +
      `persistence unit${db === "h2" ? " and its own H2 file" : ""}.`);
  }
}

function printFlatness(db, small, large) {
  const seats = (n) => `${n.toLocaleString("en")} + ${(3 * FLAT_POOL + 100).toLocaleString("en")} seats`;
  const limit = TARGETS.flatness[db];
  console.log(`\n| operation (${db}) | p50, ${seats(settings.small)} | p50, ${seats(settings.large)} | ratio | target | throughput ratio |`);
  console.log(`|---|---:|---:|---:|---|---:|`);
  for (const s of small) {
    const l = large.find((r) => r.name === s.name);
    const ratio = l.p50 / s.p50;
    console.log(`| ${s.name} | ${s.p50.toFixed(1)} ms | ${l.p50.toFixed(1)} ms | ${ratio.toFixed(2)} | ` +
      `≤ ${limit}: ${verdict(ratio <= limit)} | ${(l.throughput / s.throughput).toFixed(2)} |`);
  }
}

/**
 * A server on a database of its own, set up through the API and seeded with pools of {@code pool} seats and
 * {@code filler} others (on H2 between two starts, on PostgreSQL while it runs), with the floor WAR when {@code floor}.
 */
async function prepare(db, name, pool, filler, { firstClaims = false, floor = false } = {}) {
  const server = new Server(name, db);
  servers.push(server);
  // PostgreSQL: the floor's tables go to a schema of their own, which must exist before the floor WAR is deployed.
  if (floor && db.live) runSeed(server, null, ["schema:floor"]);
  await server.start(await freePort(), { floor: floor && db.live });
  const setup = await setUp(server.base);
  if (!db.live) await server.stop();
  log(`${db.kind} ${name}: seeding ${pool.toLocaleString("en")} seats per pool and ${filler.toLocaleString("en")} others`);
  const pools = seed(server, setup, pool, filler, { firstClaims });
  if (!db.live) await server.start(server.port, { floor });
  if (floor) setup.floorRow = await floorRow(server.base);
  return { server, setup, pools };
}

/** Inserts a row of the floor's table (created anew at each deployment); returns its id, or null if not deployed yet. */
async function floorRow(base) {
  const r = await fetch(`${base}/floor/rows`, {
    method: "POST", headers: { "content-type": "application/json" }, body: "{}", signal: AbortSignal.timeout(10000),
  });
  if (r.status !== 200) return (await r.arrayBuffer(), null);
  return (await r.json()).id;
}

/** The flatness loads on a fresh server whose database holds their pools and {@code filler} other seats. */
async function flatness(db, name, filler) {
  const { server, setup, pools } = await prepare(db, name, FLAT_POOL, filler);
  const results = await measure(server, flatnessOperations(setup, pools), settings.flatDuration);
  // The seat metrics and the ledger beside a seat list, on the million-seat database (bench/usage.mjs).
  if (filler === settings.large) await timeUsage(server, setup, baseEnv.SEATKEEPER_ADMIN_TOKEN, { seats: 3 * FLAT_POOL + 100 + filler });
  await server.stop();
  return results;
}

/**
 * Every part of the benchmark on one database; returns the results that count for failure (errors, no requests).
 * The smoke run seeds the larger database's other seats into the main server's database and stops there: it checks
 * the seeder and the loads on each database, not flatness, and one server per database keeps it short.
 */
async function run(kind) {
  const db = database(kind, postgresql);
  const started = Date.now();
  // The activity line (bench/activity.mjs) runs on a server of its own; `--only activity` runs it alone.
  const only = argument("only", null)?.split(",");
  if (activityAlone(only)) return activityLine(db, { prepare, wrk, jfr, log, settings, smoke });
  const main = await prepare(db, "main", POOL, smoke ? settings.large : 0, { firstClaims: true, floor: true });
  const results = await measure(main.server, operations(main.setup, main.pools, true));
  // The smoke run's main database holds the larger database's other seats: the usage timings run there (bench/usage.mjs).
  if (smoke) await timeUsage(main.server, main.setup, baseEnv.SEATKEEPER_ADMIN_TOKEN, { seats: 4 * POOL + 100 + settings.large, smoke });
  await main.server.stop();
  const activity = activitySelected(only) ? await activityLine(db, { prepare, wrk, jfr, log, settings, smoke }) : [];
  let memory = null;
  if (!smoke && !flag("no-memory")) {
    const pass = await prepare(db, "memory", POOL, 0, { firstClaims: true });
    memory = await measure(pass.server, operations(pass.setup, pass.pools, false));
    await pass.server.stop();
  }
  printTable(kind, results, memory);
  const flat = [];
  if (!smoke && !flag("no-flatness")) {
    const small = await flatness(db, "small", settings.small);
    const large = await flatness(db, "large", settings.large);
    flat.push(...small, ...large);
    printFlatness(kind, small, large);
  }
  log(`${kind}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return [...results, ...activity, ...(memory ?? []), ...flat];
}

async function main() {
  log(`${settings.threads} wrk threads x ${settings.connections} connections, ${settings.warmup} s warm-up + ` +
    `${settings.duration} s per operation, on ${databases.join(" and ")}; work directory ${workDir}`);
  const all = [];
  for (const kind of databases) {
    if (kind === "postgresql") {
      postgresql = new PostgreSQL();
      postgresql.start();
    }
    all.push(...(await run(kind)).map((r) => ({ ...r, db: kind })));
    if (kind === "postgresql") postgresql.stop();
  }
  const failed = all.filter((r) => r.errors > 0 || r.requests === 0);
  if (failed.length) {
    console.log(`\nFAILED: errors in ${failed.map((r) => `${r.name} (${r.db})`).join(", ")} (server logs under ${workDir})`);
    process.exit(1);
  }
  if (process.env.BENCH_JFR) log(`recordings kept under ${workDir}`);
  else rmSync(workDir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
