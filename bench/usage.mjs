// The seat metrics and the seat-usage ledger beside a seat list (README, "Performance"; contract, "Beyond Polar:
// capacity signals, seat usage and seat metrics"): on a server of the benchmark, once its database is seeded, each
// request is sent one at a time (no load beside it), warmed, then timed until it has enough samples or its time is up;
// the median of each is printed with its ratio to the seat list's median, measured in the same pass. The target: on
// the benchmark's million-seat database (the flatness run's larger one), each answers in under ten times a seat
// list's time (reported, never enforced). Absolute times are noisy on a shared machine; the ratios within one pass
// are what counts.
//
// What is timed, all of the benchmark organization (which holds every seeded seat, the filler's too):
//   seat list     GET /v1/customer-seats?subscription_id=… of the 100-seat list pool (the main table's "seat list")
//   seat metrics  GET /v1/metrics/ over the last month or so by day: every seat of the organization counted per day
//   usage ledger  GET /v1/subscriptions/{id}/seat-usage (JSON, a day per row, the last few days) of the largest pool
//                 (the claim pool)
import { must } from "../conformance/local.mjs";

/** The ratio target of the issue: each under ten seat lists. */
export const USAGE_TARGET = 10;

/**
 * Times the three requests on {@code server} (a bench/run.mjs Server with its {@code base}) for the organization of
 * {@code setup}; {@code admin} is the operator token (a token with metrics:read is made for the metrics). Returns
 * [{name, median (ms), samples, ratio}], the seat list first (ratio 1), and prints them as a table.
 */
export async function timeUsage(server, setup, admin, { seats, smoke = false, log = console.log } = {}) {
  const tokenRequest = () => must(server.base, "POST", "/v1/organization-access-tokens/", admin, {
    organization_id: setup.org.id, comment: "benchmark metrics", scopes: ["metrics:read", "subscriptions:read"],
  });
  // On PostgreSQL the server ran idle while a million seats were seeded: the client's kept-alive connection to it may
  // have been closed by the server meanwhile, which fetch reports as "other side closed". Once more on a new one.
  const { token } = await tokenRequest().catch((e) => {
    if (e?.cause?.code !== "UND_ERR_SOCKET") throw e;
    return tokenRequest();
  });
  const daysAgo = (n) => new Date(Date.now() - n * 86400000).toISOString().slice(0, 10);
  const c = setup.containers;
  // Each metrics and ledger request asks for a window a day longer than the one before: H2 hands a statement's last
  // result back when the same statement runs again on unchanged tables, which a busy service's seats never are.
  const requests = [
    ["seat list (100 seats)", setup.token, () => `/v1/customer-seats?subscription_id=${c.list}`],
    ["seat metrics (a month by day)", token,
      (i) => `/v1/metrics/?start_date=${daysAgo(30 + i)}&end_date=${daysAgo(0)}&interval=day`],
    ["seat-usage ledger (JSON, by day, claim pool)", token,
      (i) => `/v1/subscriptions/${c.claim}/seat-usage?from=${daysAgo(i)}&to=${daysAgo(0)}`],
  ];
  const budget = smoke ? { warm: 1, samples: 3, seconds: 5 } : { warm: 3, samples: 15, seconds: 60 };
  const results = [];
  for (const [name, auth, path] of requests) {
    let n = 0;
    for (let i = 0; i < budget.warm; i++) await timed(server.base, path(n++), auth);
    const samples = [];
    const until = Date.now() + budget.seconds * 1000;
    while (samples.length < budget.samples && (samples.length < 3 || Date.now() < until)) {
      samples.push(await timed(server.base, path(n++), auth));
    }
    samples.sort((a, b) => a - b);
    results.push({ name, median: samples[Math.floor(samples.length / 2)], samples: samples.length });
  }
  const list = results[0].median;
  for (const r of results) r.ratio = r.median / list;
  log(`\n| ${server.db.kind}, ${seats.toLocaleString("en")} seats in the organization | median (one at a time) | samples | ` +
    `× seat list | target |`);
  log(`|---|---:|---:|---:|---|`);
  for (const r of results) {
    const target = r === results[0] ? "" : `< ${USAGE_TARGET}: ${r.ratio < USAGE_TARGET ? "met" : "not met"}`;
    log(`| ${r.name} | ${r.median.toFixed(1)} ms | ${r.samples} | ${r.ratio.toFixed(2)} | ${target} |`);
  }
  return results;
}

/** One request, its answer read whole; milliseconds from sending to the last byte. A non-2xx answer fails the run. */
async function timed(base, path, token) {
  const started = performance.now();
  const reply = await fetch(base + path, {
    headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(600000),
  });
  const body = await reply.arrayBuffer();
  const elapsed = performance.now() - started;
  if (reply.status !== 200) {
    throw new Error(`GET ${path}: ${reply.status} ${Buffer.from(body).toString("utf8").slice(0, 300)}`);
  }
  return elapsed;
}
