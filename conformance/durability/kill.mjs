#!/usr/bin/env node
// Contract, "Operations" (durability): a 2xx answer means the change is on disk. This test starts the microbundle on
// a database of its own, drives claims and revokes from 16 clients, kills the server with SIGKILL in the middle of
// that load, starts it again on the same data and checks, through the API, that:
//   - every claim and revoke that was answered 2xx is reflected (a claimed seat is claimed, or revoked by a later
//     acknowledged revoke; a revoked seat is revoked);
//   - no seat is half-changed, field by field (member model): a claimed seat has claimed_at, no revoked_at, its member
//     holder, the billing customer and its e-mail; a revoked one revoked_at and no customer, member or e-mail; a
//     pending one neither claimed_at nor revoked_at, an invitation expiry, its member holder, the billing customer and
//     its e-mail;
//   - the subscription's available and total seats match the rows listed;
//   - on the embedded H2 default, the data directory is the owner's only (0700), and the database file and the
//     generated secret are 0600 (contract, "Security boundaries"), whatever this process's umask;
//   - webhooks are delivered at least once across the kill (contract, "Events (webhooks)"): a webhook endpoint,
//     registered before the load, points at a receiver in this process (alive across the restart); the load also
//     assigns seats on a second subscription; every event of an acknowledged claim, revoke or assign
//     (customer_seat.claimed / .revoked / .assigned, known by type and seat id) must have arrived once the restarted
//     server has drained its backlog (duplicates allowed, losses not), within --webhook-wait seconds (default 150:
//     an attempt in flight at the kill stays leased for 60 s).
// Requests still in flight when the server dies have no known outcome and are not counted either way.
//
//   node durability/kill.mjs [--jar ../target/seatkeeper-microbundle.jar] [--db-url URL --db-user U --db-password P]
//                            [--seats 700] [--kill-after-acks 400] [--webhook-wait 150]
// (`npm run durability` runs it on the jar in SEATKEEPER_JAR, as `mvn verify` does.)
//
// Without --db-url the database is an H2 file under a fresh temporary directory, with the server's default URL
// settings (the same as an operator gets). Exit status 0 when every check held.
import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { call, freePort, must, startReceiver } from "../local.mjs";

function argument(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

const jar = resolve(argument("jar", process.env.SEATKEEPER_JAR ?? "../target/seatkeeper-microbundle.jar"));
const seatCount = Number(argument("seats", 700));
const killAfterAcks = Number(argument("kill-after-acks", 400));
const webhookWaitSeconds = Number(argument("webhook-wait", 150));
const EXTRA_SEATS = 300; // capacity of the second subscription, on which the load assigns
const java = process.env.JAVA ?? "java";
const log = (line) => console.log(`[kill] ${line}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const workDir = mkdtempSync(join(tmpdir(), "seatkeeper-kill-"));
const env = {
  ...process.env,
  SEATKEEPER_ADMIN_TOKEN: randomBytes(16).toString("hex"),
  SEATKEEPER_DATA_DIR: join(workDir, "data"),
  // One scheduler round at each start and none in between: what falls due while the server is down (below) can only
  // be applied by the restarted server's first round, as after a real outage.
  SEATKEEPER_SCHEDULER_INTERVAL: "PT1H",
};
delete env.SEATKEEPER_DB_URL;
if (argument("db-url")) {
  env.SEATKEEPER_DB_URL = argument("db-url");
  env.SEATKEEPER_DB_USER = argument("db-user", "");
  env.SEATKEEPER_DB_PASSWORD = argument("db-password", "");
}


let server = null;

/** Starts the microbundle in the work directory (so ./data is the same on every start); resolves when it serves. */
async function start(port, label) {
  const logFd = openSync(join(workDir, `server-${label}.log`), "a");
  server = spawn(java, ["-Xmx512m", "-jar", jar, "--port", String(port), "--nohazelcast", "--disablephonehome"],
    { cwd: workDir, env, stdio: ["ignore", logFd, logFd] });
  closeSync(logFd);
  const deadline = Date.now() + 240000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited during start-up (${label})`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/v1/customers/`, { signal: AbortSignal.timeout(3000) });
      await res.arrayBuffer();
      if (res.status === 401) return;
    } catch {
      /* not yet */
    }
    await sleep(300);
  }
  throw new Error(`the server did not serve within 240 s (${label})`);
}

function killServer() {
  return new Promise((res) => {
    if (!server || server.exitCode !== null || server.signalCode !== null) return res();
    server.once("exit", () => res());
    server.kill("SIGKILL");
  });
}

process.on("exit", () => {
  if (server && server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
});



/**
 * What is wrong with one listed seat of the member-model organization, as the contract's "Seats" defines each status;
 * empty when the seat is whole. `billing` is the subscription's customer, `email` the address the seat was assigned to.
 */
function halfChanged(seat, billing, email) {
  const problems = [];
  const expect = (ok, what) => ok || problems.push(what);
  const held = () => {
    expect(seat.customer_id === billing, "customer_id is not the billing customer");
    expect(seat.member_id && seat.member?.id === seat.member_id, "no member holder");
    expect(seat.email && seat.email === email && seat.member?.email === email, "e-mail is not the assigned one");
  };
  if (seat.status === "claimed") {
    expect(seat.claimed_at, "no claimed_at");
    expect(!seat.revoked_at, "revoked_at set");
    held();
  } else if (seat.status === "revoked") {
    expect(seat.revoked_at, "no revoked_at");
    for (const field of ["customer_id", "member_id", "member", "email", "customer_email"]) {
      expect(seat[field] === null, `${field} kept`);
    }
  } else if (seat.status === "pending") {
    expect(!seat.claimed_at && !seat.revoked_at, "claimed_at or revoked_at set");
    expect(seat.invitation_token_expires_at, "no invitation expiry");
    held();
  } else {
    problems.push(`status ${seat.status}`);
  }
  return problems;
}

async function main() {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  log(`database: ${env.SEATKEEPER_DB_URL ?? "H2 file (the server's default) under " + workDir}`);
  await start(port, "first");
  const failures = [];
  if (!env.SEATKEEPER_DB_URL) {
    // The secret is generated into the data directory (SEATKEEPER_SECRET is not set), next to the H2 file.
    for (const [path, mode] of [["data", 0o700], ["data/seatkeeper.mv.db", 0o600], ["data/secret", 0o600]]) {
      const actual = statSync(join(workDir, path)).mode & 0o777;
      if (actual !== mode) failures.push(`${path} has mode ${actual.toString(8)}, expected ${mode.toString(8)}`);
    }
  }

  const slug = `kill-${randomUUID().slice(0, 8)}`;
  const org = await must(base, "POST", "/v1/organizations/", env.SEATKEEPER_ADMIN_TOKEN, {
    name: "Kill", slug, feature_settings: { seat_based_pricing_enabled: true, member_model_enabled: true },
  });
  const { token } = await must(base, "POST", "/v1/organization-access-tokens/", env.SEATKEEPER_ADMIN_TOKEN, {
    organization_id: org.id, comment: "kill test",
    scopes: ["customers:write", "customers:read", "products:write", "products:read", "subscriptions:write",
      "subscriptions:read", "customer_seats:write", "customer_seats:read", "members:read", "webhooks:read",
      "webhooks:write"],
  });
  const product = await must(base, "POST", "/v1/products/", token, {
    name: "Team", recurring_interval: "month",
    prices: [{ amount_type: "seat_based", price_currency: "usd", seat_tiers: { tiers: [{ min_seats: 1, price_per_seat: 100 }] } }],
  });
  const customer = await must(base, "POST", "/v1/customers/", token, { email: `billing@${slug}.example` });
  const subscription = await must(base, "POST", "/v1/subscriptions/", token,
    { product_id: product.id, customer_id: customer.id, seats: seatCount + 50 });

  // Seats to work on: assigned before the load (not under test), with their invitation tokens.
  const seats = [];
  for (let i = 0; i < seatCount; i += 16) {
    const batch = await Promise.all(Array.from({ length: Math.min(16, seatCount - i) }, (_, j) =>
      must(base, "POST", "/v1/customer-seats", token, { subscription_id: subscription.id, email: `s${i + j}@${slug}.example` })));
    seats.push(...batch.map((s) => ({ id: s.id, invitation: s.invitation_token, email: s.email })));
  }
  const extra = await must(base, "POST", "/v1/subscriptions/", token,
    { product_id: product.id, customer_id: customer.id, seats: EXTRA_SEATS });

  // The webhook endpoint, registered before the load; the receiver keeps what arrived by "type seat-id".
  const receiver = await startReceiver();
  const arrived = new Map(); // "type seat-id" -> deliveries received
  receiver.onRequest = (entry) => {
    try {
      const { type, data } = JSON.parse(entry.body);
      const key = `${type} ${data.id}`;
      arrived.set(key, (arrived.get(key) ?? 0) + 1);
    } catch {
      failures.push(`a webhook delivery that is not an event: ${entry.body.slice(0, 200)}`);
    }
  };
  await must(base, "POST", "/v1/webhooks/endpoints", token, {
    url: receiver.url("/kill"), name: "kill test", format: "raw",
    events: ["customer_seat.assigned", "customer_seat.claimed", "customer_seat.revoked"],
  });
  const expected = new Set(); // "type seat-id" of each acknowledged change
  log(`${seats.length} pending seats assigned, webhook endpoint registered; load starts`);

  // The load: each seat is claimed, and every third claimed seat is then revoked; every 7th pending seat is revoked
  // unclaimed. Only 2xx answers are recorded, in the order they were acknowledged.
  const acked = new Map(); // seat id -> "claimed" | "revoked" (the last acknowledged change)
  let acks = 0;
  let next = 0;
  let extraAssigns = 0;
  let killed = false;
  const work = async () => {
    while (!killed && next < seats.length) {
      const seat = seats[next++];
      try {
        if (next % 5 === 0 && extraAssigns < EXTRA_SEATS) {
          const n = extraAssigns++;
          const a = await call(base, "POST", "/v1/customer-seats", token,
            { subscription_id: extra.id, email: `extra${n}@${slug}.example` });
          if (a.status === 201 || a.status === 200) (expected.add(`customer_seat.assigned ${a.json.id}`), acks++);
        }
        if (next % 7 === 0) {
          const r = await call(base, "DELETE", `/v1/customer-seats/${seat.id}`, token);
          if (r.status === 200) (acked.set(seat.id, "revoked"), expected.add(`customer_seat.revoked ${seat.id}`), acks++);
          continue;
        }
        const c = await call(base, "POST", "/v1/customer-seats/claim", null, { invitation_token: seat.invitation });
        if (c.status !== 200) continue;
        acked.set(seat.id, "claimed");
        expected.add(`customer_seat.claimed ${seat.id}`);
        acks++;
        if (next % 3 === 0) {
          const r = await call(base, "DELETE", `/v1/customer-seats/${seat.id}`, token);
          if (r.status === 200) (acked.set(seat.id, "revoked"), expected.add(`customer_seat.revoked ${seat.id}`), acks++);
        }
      } catch {
        // The server died with this request in flight: its outcome is unknown.
      }
    }
  };
  const workers = Array.from({ length: 16 }, work);
  while (acks < killAfterAcks && next < seats.length) await sleep(20);
  // Timed changes that fall due while the server is down (contract, "Beyond Polar: seat changes on a schedule"): a
  // subscription whose period ends five seconds from now, and a seat of it whose revocation is scheduled for then.
  const dueAt = new Date(Date.now() + 5000).toISOString();
  const clock = await must(base, "POST", "/v1/subscriptions/", token,
    { product_id: product.id, customer_id: customer.id, seats: 2, current_period_end: dueAt });
  const leaving = await must(base, "POST", "/v1/customer-seats", token,
    { subscription_id: clock.id, email: `leaving@${slug}.example` });
  await must(base, "DELETE", `/v1/customer-seats/${leaving.id}?at=${encodeURIComponent(dueAt)}`, token);
  killed = true;
  await killServer();
  const arrivedBeforeKill = [...expected].filter((k) => arrived.has(k)).length;
  log(`SIGKILL after ${acks} acknowledged writes (${next} of ${seats.length} seats reached); ` +
    `${arrivedBeforeKill} of ${expected.size} acknowledged events delivered by then`);
  await Promise.allSettled(workers);
  await sleep(Math.max(0, Date.parse(dueAt) + 1000 - Date.now())); // down until after they fell due

  await start(port, "second");
  const list = await must(base, "GET", `/v1/customer-seats?subscription_id=${subscription.id}`, token);
  const byId = new Map(list.seats.map((s) => [s.id, s]));
  for (const [id, state] of acked) {
    const seat = byId.get(id);
    if (!seat) failures.push(`seat ${id}: acknowledged ${state}, missing after the restart`);
    else if (state === "revoked" && seat.status !== "revoked") failures.push(`seat ${id}: revoke acknowledged, now ${seat.status}`);
    else if (state === "claimed" && seat.status === "pending") failures.push(`seat ${id}: claim acknowledged, pending again`);
  }
  const assigned = new Map(seats.map((s) => [s.id, s]));
  for (const seat of list.seats) {
    const problems = halfChanged(seat, customer.id, assigned.get(seat.id)?.email);
    if (problems.length) failures.push(`seat ${seat.id} is half-changed (${problems.join(", ")}): ${JSON.stringify(seat)}`);
  }
  if (list.seats.length !== seats.length) failures.push(`${list.seats.length} seats listed, ${seats.length} assigned`);
  const held = list.seats.filter((s) => s.status !== "revoked").length;
  if (list.total_seats !== seatCount + 50) failures.push(`total_seats ${list.total_seats}, bought ${seatCount + 50}`);
  if (list.available_seats !== list.total_seats - held) {
    failures.push(`available_seats ${list.available_seats}, but ${list.total_seats} bought and ${held} held`);
  }
  // What fell due while the server was down is applied by its first scheduler round: the period rolled once, the seat
  // revoked as scheduled.
  const caughtUpBy = Date.now() + 60000;
  let rolled = await must(base, "GET", `/v1/subscriptions/${clock.id}`, token);
  let left = await must(base, "GET", `/v1/customer-seats?subscription_id=${clock.id}`, token);
  const caughtUp = () => rolled.current_period_start !== clock.current_period_start
    && left.seats.find((x) => x.id === leaving.id)?.status === "revoked";
  while (!caughtUp() && Date.now() < caughtUpBy) {
    await sleep(500);
    rolled = await must(base, "GET", `/v1/subscriptions/${clock.id}`, token);
    left = await must(base, "GET", `/v1/customer-seats?subscription_id=${clock.id}`, token);
  }
  const days = (Date.parse(rolled.current_period_end) - Date.parse(clock.current_period_end)) / 86400000;
  if (Date.parse(rolled.current_period_start) !== Date.parse(clock.current_period_end) || days < 28 || days > 31) {
    failures.push(`a period that ended while the server was down did not roll once after the restart: before ` +
      `${clock.current_period_start} to ${clock.current_period_end}, now ${rolled.current_period_start} to ` +
      `${rolled.current_period_end}`);
  }
  const gone = left.seats.find((x) => x.id === leaving.id);
  if (gone?.status !== "revoked" || gone.revocation_reason !== "scheduled") {
    failures.push(`a revocation due while the server was down was not applied after the restart: ${JSON.stringify(gone)}`);
  }
  // The restarted server still takes writes on the recovered data.
  const fresh = seats.find((s) => byId.get(s.id)?.status === "pending");
  if (fresh) {
    const c = await call(base, "POST", "/v1/customer-seats/claim", null, { invitation_token: fresh.invitation });
    if (c.status !== 200) failures.push(`a pending seat could not be claimed after the restart: ${c.status} ${JSON.stringify(c.json)}`);
  }
  // Every acknowledged change's event arrives (at least once) from the restarted server.
  const webhookDeadline = Date.now() + webhookWaitSeconds * 1000;
  let lost = [...expected].filter((k) => !arrived.has(k));
  while (lost.length && Date.now() < webhookDeadline) {
    await sleep(200);
    lost = lost.filter((k) => !arrived.has(k));
  }
  const duplicates = [...arrived.values()].reduce((sum, n) => sum + n - 1, 0);
  log(`webhooks: ${expected.size - lost.length} of ${expected.size} acknowledged events delivered ` +
    `(${duplicates} duplicate deliveries, ${receiver.received.length} in all)`);
  if (lost.length) {
    failures.push(`${lost.length} acknowledged events never delivered within ${webhookWaitSeconds} s of the restart ` +
      `(lost): ${lost.slice(0, 40).join(", ")}${lost.length > 40 ? ", …" : ""}`);
  }
  await killServer();
  await receiver.close();

  const counts = [...acked.values()].reduce((a, s) => ((a[s] = (a[s] || 0) + 1), a), {});
  log(`acknowledged: ${acks} writes (last state per seat: ${JSON.stringify(counts)}); after the restart: ` +
    `${list.seats.length} seats, ${held} held, ${list.available_seats} available`);
  for (const f of failures.slice(0, 30)) log(`FAIL ${f}`);
  if (acks < 300) failures.push(`only ${acks} acknowledged writes before the kill (at least 300 needed)`);
  log(failures.length ? `${failures.length} failures (logs kept in ${workDir})` : "every acknowledged write survived");
  if (!failures.length) rmSync(workDir, { recursive: true, force: true });
  return failures.length ? 1 : 0;
}

main().then((code) => process.exit(code), (err) => {
  console.error(`[kill] ${err.stack ?? err}`);
  try {
    console.error(readFileSync(join(workDir, "server-second.log"), "utf8").split("\n").slice(-40).join("\n"));
  } catch {
    /* no second log */
  }
  process.exit(1);
});
