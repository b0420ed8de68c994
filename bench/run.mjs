#!/usr/bin/env node
// The performance benchmark (README, "Performance"). Starts the microbundle with the no-op WAR deployed beside it (one
// JVM, a fresh H2 database under a temporary directory, the README's start command), seeds seats straight into the
// database (bench/seed/Seed.java), warms every operation, then drives each with wrk and prints, for each: throughput,
// its share of the no-op's throughput in the same run, p50/p99 and the server's peak resident memory (RSS) while it
// ran. Then the flatness run: the claim and revoke loads on a fresh server whose database holds the loads' own pools
// and 1,000 other seats, and on one whose database holds the same pools and 1,000,000 other seats (each with its
// member, a member session and an event), p50 compared.
//
//   node bench/run.mjs [--duration 10] [--warmup 10] [--connections 32] [--threads 2] [--large 1000000]
//                      [--no-flatness] [--smoke] [--only claim,portal] [--floor] [--jar target/seatkeeper-microbundle.jar]
//                      [--noop bench/noop/target/noop.war] [--floor-war bench/floor/target/floor.war]
//
// --duration and --warmup are seconds per operation. --only: the operations whose names start with one of these (and
// the no-op), to measure one change quickly. --smoke: one second of warm-up and two of load per operation and a
// flatness load on 20,000 seats only: checks that every operation answers 2xx under load (exit status 1 if not), for CI;
// its figures mean little. --floor: also deploys the floor WAR (bench/floor) and measures the stack's floor beside the
// no-op (one JPA insert, one JDBC insert, one JPA read); its data source and H2 file then count in the server's memory,
// which is why the default run leaves it out. A measured request that found its pool used up (a claimed token claimed
// again) counts as an error and fails the run.
// BENCH_JFR=claim: a JFR recording (settings=profile) of the server while the operation whose name starts so is
// measured, kept in the work directory (which is then kept). BENCH_JAVA_OPTIONS: the server's JVM options instead of
// the README's.
import { execFileSync, spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, must } from "../conformance/local.mjs";

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
  warmup: Number(argument("warmup", smoke ? 1 : 10)),
  connections: Number(argument("connections", 32)),
  threads: Number(argument("threads", 2)),
  large: Number(argument("large", smoke ? 20000 : 1000000)),
  small: 1000,
  flatDuration: smoke ? 2 : 5,
};
const jar = resolve(root, argument("jar", "target/seatkeeper-microbundle.jar"));
const noopWar = resolve(root, argument("noop", "bench/noop/target/noop.war"));
const floorWar = flag("floor") ? resolve(root, argument("floor-war", "bench/floor/target/floor.war")) : null;
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

const workDir = mkdtempSync(join(tmpdir(), "seatkeeper-bench-"));
const h2Jar = extractH2Jar();
const env = {
  ...process.env,
  SEATKEEPER_ADMIN_TOKEN: randomBytes(16).toString("hex"),
  SEATKEEPER_SECRET: randomBytes(24).toString("hex"),
  SEATKEEPER_SESSION_TTL: "PT6H",
};
for (const name of ["SEATKEEPER_DB_URL", "SEATKEEPER_DB_USER", "SEATKEEPER_DB_PASSWORD", "SEATKEEPER_DATA_DIR"]) delete env[name];

/** The H2 driver the server itself runs (Payara Micro's), taken out of the microbundle, so the seeder writes its format. */
function extractH2Jar() {
  if (!existsSync(jar)) throw new Error(`no ${jar}: build first (mvn -B package -DskipTests)`);
  execFileSync("jar", ["xf", jar, "MICRO-INF/runtime/h2.jar"], { cwd: workDir });
  return join(workDir, "MICRO-INF/runtime/h2.jar");
}


/** A server on a database directory of its own: started as the README starts it, with the no-op WAR beside it. */
class Server {
  constructor(name) {
    this.name = name;
    this.dir = join(workDir, name);
    mkdirSync(this.dir, { recursive: true });
    this.process = null;
  }

  async start(port) {
    this.port = port;
    this.base = `http://127.0.0.1:${port}`;
    const logFd = openSync(join(this.dir, "server.log"), "a");
    // The README's start command: its heap settings are part of what the memory figure measures.
    const options = (process.env.BENCH_JAVA_OPTIONS ?? README_JAVA_OPTIONS).split(" ").filter(Boolean);
    this.process = spawn(java, [...options, "-jar", jar, "--port", String(port), "--nohazelcast", "--disablephonehome",
      "--deploy", noopWar, ...(floorWar ? ["--deploy", floorWar] : [])], { cwd: this.dir, env, stdio: ["ignore", logFd, logFd] });
    closeSync(logFd);
    const deadline = Date.now() + 300000;
    while (Date.now() < deadline) {
      if (this.process.exitCode !== null) throw new Error(`the server exited during start-up; see ${this.dir}/server.log`);
      try {
        const [api, noop] = await Promise.all([`${this.base}/v1/customers/`, `${this.base}/noop/ping`].map((u) =>
          fetch(u, { signal: AbortSignal.timeout(3000) }).then(async (r) => (await r.arrayBuffer(), r.status))));
        if (api === 401 && noop === 200) return;
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
   * Per request it is what an operation costs the server, background threads (JIT, GC, H2's writer) included.
   */
  cpuMillis() {
    try {
      const fields = readFileSync(`/proc/${this.process.pid}/stat`, "utf8").split(") ")[1].split(" ");
      return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return 0;
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

process.on("exit", () => {
  for (const server of servers) if (server.process && server.process.exitCode === null) server.process.kill("SIGKILL");
});
const servers = [];


/**
 * The organization and everything the API should make itself: product, billing customer (its owner member), the
 * subscriptions each load works on, an organization token and the owner's portal session.
 */
async function setUp(base) {
  const admin = env.SEATKEEPER_ADMIN_TOKEN;
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
  const containers = {
    claim: await subscription(POOL + 1000),
    portalRevoke: await subscription(POOL),
    orgRevoke: await subscription(POOL),
    list: await subscription(100),
    assignOne: await subscription(1000000),
    assignSpread: await Promise.all(Array.from({ length: 100 }, () => subscription(100000))),
  };
  const session = await must(base, "POST", "/v1/customer-sessions/", token, { customer_id: customer.id });
  return { org, token, customer, containers, portalToken: session.token };
}

/** Seeds a stopped server's database with pools of {@code pool} seats and {@code filler} others; returns the pools. */
function seed(server, setup, pool, filler) {
  const pools = join(server.dir, "pools");
  mkdirSync(pools, { recursive: true });
  const c = setup.containers;
  const file = (name) => join(pools, `${name}.txt`);
  execFileSync(java, ["-cp", h2Jar, join(here, "seed/Seed.java"),
    `jdbc:h2:file:${join(server.dir, "data/seatkeeper")}`, env.SEATKEEPER_SECRET, setup.org.id, setup.customer.id,
    `pending:${c.claim}:${pool}:${file("claim")}`,
    `claimed:${c.portalRevoke}:${pool}:${file("portal-revoke")}`,
    `claimed:${c.orgRevoke}:${pool}:${file("org-revoke")}`,
    `claimed:${c.list}:100:${file("list")}`,
    ...(filler > 0 ? [`filler:${filler}`] : [])], { stdio: "inherit" });
  const lines = (name) => readFileSync(file(name), "utf8").trim().split("\n");
  return { claim: lines("claim"), portalRevoke: lines("portal-revoke"), orgRevoke: lines("org-revoke") };
}

/**
 * One operation: its name, the bearer token ("" for none), and its request lines (METHOD \t PATH [\t BODY]) for the
 * warm-up and for the measured run. A read lists one line, sent again and again; a write one line per fresh token,
 * seat or e-mail.
 */
function operation(name, auth, warm, measured) {
  return { name, auth, warm, measured };
}

/** Request lines for a warm-up and a measured run: the first {@code warmShare} of the pool, and the rest. */
const split = (pool, warmShare, make) => {
  const warmCount = Math.floor(pool.length * warmShare);
  return [pool.slice(0, warmCount).map(make), pool.slice(warmCount).map(make)];
};

/** The floor's operations (--floor): the two inserts (a line per request, as for every write) and the read of one row. */
function floor(setup) {
  const inserts = (path) => [POOL / 3, POOL].map((n) => Array.from({ length: n }, () => `POST\t${path}\t{"name":"floor"}`));
  return [
    operation("floor: one JPA insert", "", ...inserts("/floor/rows")),
    operation("floor: one JDBC insert", "", ...inserts("/floor/rows/jdbc")),
    operation("floor: one JPA read", "", [`GET\t/floor/rows/${setup.floorRow}`], [`GET\t/floor/rows/${setup.floorRow}`]),
  ];
}

function operations(setup, pools) {
  const c = setup.containers;
  const share = 1 / 3;
  const emails = (prefix, count) => Array.from({ length: count }, (_, i) => `${prefix}${i}-${randomUUID().slice(0, 6)}@assign.example`);
  // Claim info reads the pool's last 1,000 tokens, which nothing claims.
  const claimTokens = pools.claim.slice(0, -1000);
  const infoTokens = pools.claim.slice(-1000);
  const ops = [
    operation("no-op GET", "", ["GET\t/noop/ping"], ["GET\t/noop/ping"]),
    // The stack's floor (--floor; bench/floor): one JPA insert in a session bean's transaction, the same insert through
    // JDBC alone, one JPA read by primary key; nothing of Seatkeeper's.
    ...(floorWar ? floor(setup) : []),
    operation("claim", "", ...split(claimTokens, share, (t) => `POST\t/v1/customer-seats/claim\t{"invitation_token":"${t}"}`)),
    operation("claim info", "", ...[infoTokens, infoTokens].map((ts) => ts.map((t) => `GET\t/v1/customer-seats/claim/${t}`))),
    operation("portal revoke", setup.portalToken,
      ...split(pools.portalRevoke, share, (id) => `DELETE\t/v1/customer-portal/seats/${id}`)),
    operation("organization revoke", setup.token,
      ...split(pools.orgRevoke, share, (id) => `DELETE\t/v1/customer-seats/${id}`)),
    operation("assign, one subscription", setup.token, ...split(emails("one", POOL), share, (e) =>
      `POST\t/v1/customer-seats\t{"subscription_id":"${c.assignOne}","email":"${e}"}`)),
    operation("assign, 100 subscriptions", setup.token, ...split(emails("spread", POOL), share, (e, i) =>
      `POST\t/v1/customer-seats\t{"subscription_id":"${c.assignSpread[i % 100]}","email":"${e}"}`)),
    operation("seat list (100 seats)", setup.token, [`GET\t/v1/customer-seats?subscription_id=${c.list}`],
      [`GET\t/v1/customer-seats?subscription_id=${c.list}`]),
    operation("portal GET (session auth)", setup.portalToken, ["GET\t/v1/customer-portal/customer-session/introspect"],
      ["GET\t/v1/customer-portal/customer-session/introspect"]),
    operation("no-op GET (again)", "", ["GET\t/noop/ping"], ["GET\t/noop/ping"]),
  ];
  return ops;
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
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", rej);
    child.on("exit", (code) => {
      clearInterval(sampler);
      const cpu = server.cpuMillis() - cpuBefore;
      rmSync(file, { force: true });
      const line = out.split("\n").find((l) => l.startsWith("{\"requests\""));
      if (code !== 0 || !line) return rej(new Error(`wrk failed (${code}): ${out}`));
      const r = JSON.parse(line);
      res({
        throughput: r.requests / (r.duration_us / 1e6), p50: r.p50_us / 1000, p99: r.p99_us / 1000,
        errors: r.non2xx + r.connect + r.read + r.write + r.timeout, requests: r.requests, rss: peak,
        cpuPerRequest: r.requests ? cpu / r.requests : 0,
      });
    });
  });
}

/**
 * Warms every operation in turn (their warm-up lines; answers are not counted), then measures each in turn: the
 * server's JIT compiles the code the operations share during the first round, so that no operation is measured on
 * code still being compiled (in one trial the no-op ran at 2,900/s before the other operations and 6,700/s after).
 */
/** A JFR recording (settings=profile) of the server while one operation is measured, written to the work directory. */
function jfr(server, op) {
  const file = join(workDir, `${server.name}-${op.name.replace(/\W+/g, "-")}.jfr`);
  execFileSync("jcmd", [String(server.process.pid), "JFR.start", "name=bench", "settings=profile"], { stdio: "ignore" });
  return {
    stop() {
      execFileSync("jcmd", [String(server.process.pid), "JFR.stop", "name=bench", `filename=${file}`], { stdio: "ignore" });
      log(`JFR recording of ${op.name}: ${file}`);
    },
  };
}

async function measure(server, allOps, seconds = settings.duration) {
  const only = argument("only", null)?.split(",");
  const ops = only ? allOps.filter((op) => op.name.startsWith("no-op") || only.some((o) => op.name.startsWith(o))) : allOps;
  for (const op of ops) await wrk(server, op.warm, op.auth, settings.warmup);
  const results = [];
  for (const op of ops) {
    const recording = process.env.BENCH_JFR && op.name.startsWith(process.env.BENCH_JFR) ? jfr(server, op) : null;
    const r = await wrk(server, op.measured, op.auth, seconds);
    if (recording) recording.stop();
    // A write's lines each stand for a fresh token, seat or e-mail: sent more often than listed, its pool ran dry.
    const write = !op.measured[0].startsWith("GET\t");
    if (write && r.requests > op.measured.length) r.errors += r.requests - op.measured.length;
    results.push({ name: op.name, ...r });
    log(`${op.name}: ${r.throughput.toFixed(0)}/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ` +
      `${r.errors} errors, server CPU ${r.cpuPerRequest.toFixed(2)} ms/request, RSS ${(r.rss / 2 ** 20).toFixed(0)} MB`);
  }
  return results;
}

const pad = (s, n) => String(s).padEnd(n);
const padLeft = (s, n) => String(s).padStart(n);

function printTable(results) {
  const noops = results.filter((r) => r.name.startsWith("no-op"));
  const noop = noops.reduce((a, r) => a + r.throughput, 0) / noops.length;
  const noopP99 = Math.max(...noops.map((r) => r.p99));
  const noopCpu = noops.reduce((a, r) => a + r.cpuPerRequest, 0) / noops.length;
  console.log(`\n| operation | throughput | share of no-op | p50 | p99 | p99 / no-op p99 | server CPU per request | no-op's / this | errors | peak RSS |`);
  console.log(`|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|`);
  for (const r of results) {
    console.log(`| ${r.name} | ${r.throughput.toFixed(0)}/s | ${(100 * r.throughput / noop).toFixed(0)} % | ` +
      `${r.p50.toFixed(1)} ms | ${r.p99.toFixed(1)} ms | ${(r.p99 / noopP99).toFixed(2)} | ${r.cpuPerRequest.toFixed(2)} ms | ` +
      `${(100 * noopCpu / r.cpuPerRequest).toFixed(0)} % | ${r.errors} | ${(r.rss / 2 ** 20).toFixed(0)} MB |`);
  }
  console.log(`\nno-op: mean of its two runs, ${noop.toFixed(0)}/s, ${noopCpu.toFixed(2)} ms of server CPU per request; p99 ` +
    `reference: the larger of its two, ${noopP99.toFixed(1)} ms. "no-op's / this": the no-op's server CPU per request as a ` +
    `share of this operation's, which the throughput share approaches when the server is CPU-bound.`);
}

function printFlatness(small, large) {
  const seats = (n) => `${n.toLocaleString("en")} + ${(3 * FLAT_POOL + 100).toLocaleString("en")} seats`;
  console.log(`\n| operation | p50, ${seats(settings.small)} | p50, ${seats(settings.large)} | ratio | throughput ratio |`);
  console.log(`|---|---:|---:|---:|---:|`);
  for (const s of small) {
    const l = large.find((r) => r.name === s.name);
    console.log(`| ${s.name} | ${s.p50.toFixed(1)} ms | ${l.p50.toFixed(1)} ms | ${(l.p50 / s.p50).toFixed(2)} | ${(l.throughput / s.throughput).toFixed(2)} |`);
  }
}

/** A server on a database of its own, set up through the API and seeded with pools of {@code pool} seats and {@code filler} others. */
async function prepare(name, pool, filler) {
  const server = new Server(name);
  servers.push(server);
  await server.start(await freePort());
  const setup = await setUp(server.base);
  await server.stop();
  log(`${name}: seeding ${pool.toLocaleString("en")} seats per pool and ${filler.toLocaleString("en")} others`);
  const pools = seed(server, setup, pool, filler);
  await server.start(server.port);
  return { server, setup, pools };
}

/** Inserts the row the floor's read reads (its table is created anew at each deployment); returns its id. */
async function floorRow(base) {
  const r = await fetch(`${base}/floor/rows`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
  if (r.status !== 200) throw new Error(`POST /floor/rows answered ${r.status}`);
  return (await r.json()).id;
}

/** The flatness loads on a fresh server whose database holds their pools and {@code filler} other seats. */
async function flatness(name, filler) {
  const { server, setup, pools } = await prepare(name, FLAT_POOL, filler);
  const results = await measure(server, flatnessOperations(setup, pools), settings.flatDuration);
  await server.stop();
  return results;
}

async function main() {
  log(`${settings.threads} wrk threads x ${settings.connections} connections, ${settings.warmup} s warm-up + ` +
    `${settings.duration} s per operation; work directory ${workDir}`);
  const main = await prepare("main", POOL, 0);
  if (floorWar) main.setup.floorRow = await floorRow(main.server.base);
  const results = await measure(main.server, operations(main.setup, main.pools));
  await main.server.stop();
  printTable(results);
  const flat = [];
  if (!flag("no-flatness")) {
    // The smoke run seeds and loads only the larger database: it checks the seeder and the loads, not flatness.
    const small = smoke ? [] : await flatness("small", settings.small);
    const large = await flatness("large", settings.large);
    flat.push(...small, ...large);
    if (small.length) printFlatness(small, large);
  }
  const failed = [...results, ...flat].filter((r) => r.errors > 0 || r.requests === 0);
  if (failed.length) {
    console.log(`\nFAILED: errors in ${failed.map((r) => r.name).join(", ")} (server logs under ${workDir})`);
    process.exit(1);
  }
  if (process.env.BENCH_JFR) log(`recordings kept under ${workDir}`);
  else rmSync(workDir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
