#!/usr/bin/env node
// The webhook delivery benchmark (README, "Performance"). Starts the microbundle as the README does (one JVM, a fresh
// H2 file under a temporary directory, default retry settings), registers one endpoint (customer_seat.assigned) that
// points at a receiver on 127.0.0.1 in this process, then assigns N seats from C concurrent clients, spread over 20
// subscriptions, and prints:
//   - delivered events per second: N / (from the first assign's 2xx answer to the last event's arrival);
//   - the time from each assign's 2xx answer (the change and its event are committed) to the event's arrival at the
//     receiver, p50 / p99 / max (an event may arrive before the client has read its answer: those count as 0);
//   - the assign rate and how long the receiver kept receiving after the last answer (the backlog drained).
// Every delivery is checked: one per seat, signature verified with Polar's SDK `validateEvent` (each 10th, on arrival).
// A short warm-up (100 assigns, delivered) comes first.
//
//   node bench/webhooks.mjs [--events 2000] [--clients 16] [--jar target/seatkeeper-microbundle.jar]
//   (from a fresh clone: mvn -B -q package -DskipTests && (cd conformance && npm ci) && node bench/webhooks.mjs)
import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { closeSync, mkdtempSync, openSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { call, freePort, must, startReceiver } from "../conformance/local.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");
const argument = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const events = Number(argument("events", 2000));
const clients = Number(argument("clients", 16));
const warmup = 100;
const subscriptions = 20;
const jar = resolve(root, argument("jar", "target/seatkeeper-microbundle.jar"));
const java = process.env.JAVA ?? "java";
const log = (line) => console.log(`[webhooks-bench] ${line}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Polar's SDK, from the conformance suite's node_modules (the benchmark adds no package of its own).
const sdkWebhooks = createRequire(join(root, "conformance", "package.json")).resolve("@polar-sh/sdk/webhooks");
const { validateEvent } = await import(pathToFileURL(sdkWebhooks).href);

const workDir = mkdtempSync(join(tmpdir(), "seatkeeper-webhooks-bench-"));
const env = {
  ...process.env,
  SEATKEEPER_ADMIN_TOKEN: randomBytes(16).toString("hex"),
  SEATKEEPER_SECRET: randomBytes(24).toString("hex"),
};
for (const name of ["SEATKEEPER_DB_URL", "SEATKEEPER_DB_USER", "SEATKEEPER_DB_PASSWORD", "SEATKEEPER_DATA_DIR"]) delete env[name];

let server = null;
process.on("exit", () => {
  if (server && server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
});

async function start(port) {
  const logFd = openSync(join(workDir, "server.log"), "a");
  server = spawn(java, ["-jar", jar, "--port", String(port), "--nohazelcast", "--disablephonehome"],
    { cwd: workDir, env, stdio: ["ignore", logFd, logFd] });
  closeSync(logFd);
  const deadline = Date.now() + 300000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited during start-up; see ${workDir}/server.log`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/v1/customers/`, { signal: AbortSignal.timeout(3000) });
      await res.arrayBuffer();
      if (res.status === 401) return;
    } catch {
      /* not yet */
    }
    await sleep(300);
  }
  throw new Error(`the server did not serve within 300 s; see ${workDir}/server.log`);
}

function stop() {
  return new Promise((res) => {
    if (!server || server.exitCode !== null || server.signalCode !== null) return res();
    server.once("exit", () => res());
    server.kill("SIGTERM");
  });
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function main() {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  log(`starting ${jar} (work dir ${workDir})`);
  await start(port);

  const receiver = await startReceiver();
  let endpoint = null;
  const arrived = new Map(); // seat id -> first arrival (ms)
  let deliveriesReceived = 0;
  let verified = 0;
  const invalid = [];
  receiver.onRequest = (entry) => {
    // A sample is verified with Polar's SDK as it arrives (validateEvent refuses a timestamp older than 5 minutes).
    if (deliveriesReceived++ % 10 === 0) {
      try {
        validateEvent(entry.body, entry.headers, endpoint.secret);
        verified++;
      } catch (err) {
        invalid.push(`${err.message}: ${entry.body.slice(0, 300)}`);
      }
    }
    const seatId = JSON.parse(entry.body).data.id;
    if (!arrived.has(seatId)) arrived.set(seatId, entry.at);
  };

  const admin = env.SEATKEEPER_ADMIN_TOKEN;
  const slug = `hooks-${randomUUID().slice(0, 8)}`;
  const org = await must(base, "POST", "/v1/organizations/", admin, {
    name: "Webhooks bench", slug, feature_settings: { seat_based_pricing_enabled: true, member_model_enabled: true },
  });
  const { token } = await must(base, "POST", "/v1/organization-access-tokens/", admin, {
    organization_id: org.id, comment: "webhooks benchmark",
    scopes: ["customers:write", "customers:read", "products:write", "products:read", "subscriptions:write",
      "subscriptions:read", "customer_seats:write", "customer_seats:read", "webhooks:read", "webhooks:write"],
  });
  const product = await must(base, "POST", "/v1/products/", token, {
    name: "Team", recurring_interval: "month",
    prices: [{ amount_type: "seat_based", price_currency: "usd", seat_tiers: { tiers: [{ min_seats: 1, price_per_seat: 100 }] } }],
  });
  const customer = await must(base, "POST", "/v1/customers/", token, { email: `billing@${slug}.example` });
  const subs = [];
  for (let i = 0; i < subscriptions; i++) {
    subs.push((await must(base, "POST", "/v1/subscriptions/", token,
      { product_id: product.id, customer_id: customer.id, seats: events + warmup })).id);
  }
  endpoint = await must(base, "POST", "/v1/webhooks/endpoints", token, {
    url: receiver.url("/hook"), name: "bench", format: "raw", events: ["customer_seat.assigned"],
  });

  /** Assigns `count` seats from `clients` concurrent clients; resolves to [seat id, 2xx answer time (ms)] each. */
  const assignAll = async (count, prefix) => {
    const acked = [];
    let next = 0;
    const client = async () => {
      while (next < count) {
        const i = next++;
        const r = await call(base, "POST", "/v1/customer-seats", token,
          { subscription_id: subs[i % subs.length], email: `${prefix}${i}@${slug}.example` });
        if (r.status !== 201 && r.status !== 200) throw new Error(`assign ${i}: ${r.status} ${JSON.stringify(r.json)}`);
        acked.push([r.json.id, Date.now()]);
      }
    };
    await Promise.all(Array.from({ length: clients }, client));
    return acked;
  };
  const awaitAll = async (acked, limitMs) => {
    const deadline = Date.now() + limitMs;
    let shown = Date.now();
    while (Date.now() < deadline && acked.some(([id]) => !arrived.has(id))) {
      await sleep(20);
      if (Date.now() - shown > 10000) {
        shown = Date.now();
        log(`${acked.filter(([id]) => arrived.has(id)).length} of ${acked.length} delivered`);
      }
    }
    return acked.filter(([id]) => !arrived.has(id)).length;
  };

  log(`warm-up: ${warmup} assigns`);
  const warm = await assignAll(warmup, "w");
  if (await awaitAll(warm, 120000)) throw new Error("the warm-up's events were not all delivered within 120 s");

  log(`measuring: ${events} assigns from ${clients} clients over ${subscriptions} subscriptions, one endpoint`);
  const t0 = Date.now();
  const acked = await assignAll(events, "m");
  const tAcked = Date.now();
  const missing = await awaitAll(acked, 600000);
  if (missing) throw new Error(`${missing} of ${events} events were not delivered within 10 minutes`);
  const lastArrival = Math.max(...acked.map(([id]) => arrived.get(id)));
  const latencies = acked.map(([id, at]) => Math.max(0, arrived.get(id) - at)).sort((a, b) => a - b);

  if (invalid.length) throw new Error(`validateEvent refused ${invalid.length} deliveries, e.g. ${invalid[0]}`);
  const duplicates = deliveriesReceived - arrived.size;

  const seconds = (lastArrival - t0) / 1000;
  console.log("");
  console.log(`webhook delivery, one endpoint on 127.0.0.1, ${events} customer_seat.assigned events (H2 file, default settings)`);
  console.log(`  delivered:         ${(events / seconds).toFixed(0)} events/s (${events} in ${seconds.toFixed(1)} s from the first assign)`);
  console.log(`  assigns answered:  ${(events / ((tAcked - t0) / 1000)).toFixed(0)}/s (${clients} clients)`);
  console.log(`  commit → arrival:  p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms, ` +
    `max ${latencies[latencies.length - 1]} ms`);
  console.log(`  backlog drained:   ${((lastArrival - tAcked) / 1000).toFixed(1)} s after the last assign's answer`);
  console.log(`  checks:            every event arrived, ${duplicates} duplicate deliveries, ${verified} verified with validateEvent`);
  await receiver.close();
  await stop();
  rmSync(workDir, { recursive: true, force: true });
}

main().then(() => process.exit(0), async (err) => {
  console.error(`[webhooks-bench] ${err.stack ?? err} (server log kept in ${workDir})`);
  await stop();
  process.exit(1);
});
