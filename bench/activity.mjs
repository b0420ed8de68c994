// The activity line of the benchmark (README, "Performance"; contract, "Beyond Polar: activity and reclaim of idle
// seats": the activity route must not slow the claim load beside it by more than 10 %). Run by bench/run.mjs on a
// server of its own (its database: the claim pool, the claimed seats the reports name, no other seats), after the main
// table: the claim load (invitee already a member, wrk as in the main table) alone, then the same load with activity
// reporters beside it, then alone again, back to back, `--activity-rounds` times (default 2; the smoke run: 1), each
// phase with claims beside the reporters between two alone (a round's closing phase opens the next). The ratio of a
// round is the claims beside the reporters over the mean of the two alone around them, so that a drift of the claims'
// own rate (the JIT still warming, the database growing) weighs on both sides alike; a ratio over the phase before
// alone, which such a drift moves either way, is printed beside it. The reporters send
// `POST /v1/customer-seats/activity` batches of 1,000 items at a steady rate (`--activity-rate`, batches per second,
// default 4: 4,000 reports/s, e.g. an application reporting each of 40,000 active users about every 10 s), open-loop
// (a batch is sent on its schedule whether or not the ones before were answered; with 16 in flight it is left out and
// counted as behind schedule). Each batch: 900 items by `seat_id` over 20,000 claimed seats in turn (each seat reported
// about every 5.6 s), 100 by person (`email`, or `member_id`, with `subscription_id`) over the 100 seats of one
// subscription. Each item carries its own `at`: the time the client observed the activity, up to 1 s before the batch
// is sent; a seat's first report up to 60 s before, so that the seats' stored times spread over a minute as they do
// in a steady state (these first reports, each a write, are sent first, one batch at a time, and not measured). So the line measures the steady state the contract's rule makes: every seat is
// written about once a minute (20,000 seats: about 330 writes/s, a twelfth of the items; the rest are accepted without
// a write). Prints the claim throughput alone (before and after) and with the reporters, their ratios per round
// (target ≥ 0.90 for the one over both phases alone, reported, never enforced) and, with more than one round, the
// rounds pooled (the mean beside over the mean alone around), the batches' latency (p50/p99),
// reports/s and an estimate of the server CPU per batch. Every answer must be 2xx and every item accepted (errors).
import { performance } from "node:perf_hooks";
import { must } from "../conformance/local.mjs";

/** The target of the contract's "done when": claims with activity beside them at ≥ 90 % of claims alone. */
const TARGET = 0.9;
const ITEMS = 1000;
const BY_PERSON = 100;
const MAX_IN_FLIGHT = 16;
/** Seats reported by id (from the claimed pools); at 3,600 a second each is reported about every 5.6 s. */
const SEATS = 20000;

const argument = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};

/** Whether `--only` selects the activity line (no `--only`: every line does). */
export function activitySelected(only) {
  return !only || only.some((o) => "activity".startsWith(o) || o.startsWith("activity"));
}

/** Whether `--only` selects the activity line and nothing else of the main table (then the main server is not run). */
export function activityAlone(only) {
  return !!only && only.every((o) => o.startsWith("activity"));
}

/**
 * The activity line on database {@code db}. {@code bench}: run.mjs's helpers ({@code prepare}, {@code wrk}, {@code jfr},
 * {@code log}, {@code settings}, {@code smoke}). Returns the phases' results (name, requests, errors) for run.mjs's
 * failure check.
 */
export async function activityLine(db, bench) {
  const { prepare, wrk, jfr, log, settings, smoke } = bench;
  const rate = Number(argument("activity-rate", 4));
  const rounds = Number(argument("activity-rounds", smoke ? 1 : 2));
  const seconds = settings.duration;
  // Claim tokens: a share for the warm-up and one per phase (rounds + 1 alone, rounds beside), each more than the
  // fastest claim rate so far needs (1,000/s: warm claims ran over 700/s in 20 s phases).
  const shares = 2 * rounds + 2;
  const pool = smoke ? 1500 * shares : Math.max(SEATS / 2, Math.max(12000, 1000 * seconds) * shares);
  const { server, setup, pools } = await prepare(db, "activity", pool, 0);
  const phaseTokens = Math.floor(pools.claim.length / shares);
  const claimLines = (i) => pools.claim.slice(i * phaseTokens, (i + 1) * phaseTokens)
    .map((t) => `POST\t/v1/customer-seats/claim\t{"invitation_token":"${t}"}`);
  const people = (await must(server.base, "GET", `/v1/customer-seats?subscription_id=${setup.containers.list}`, setup.token))
    .seats.map((s) => ({ email: s.email, memberId: s.member_id }));
  const reporter = new Reporter(server.base, setup.token, [...pools.portalRevoke, ...pools.orgRevoke].slice(0, SEATS), people,
    setup.containers.list);
  log(`${db.kind} activity: ${rate} batches/s of ${ITEMS} items (${rate * ITEMS} reports/s) beside the claim load, ` +
    `${rounds} round(s) of ${seconds} s with between ${seconds} s alone before and after`);

  // The first report of each seat, one batch at a time and not measured: it spreads the stored times over a minute.
  const primed = performance.now();
  await reporter.prime();
  log(`${db.kind} activity: first report of every seat in ${((performance.now() - primed) / 1000).toFixed(0)} s`);
  if (settings.warmup > 0) {
    await Promise.all([wrk(server, claimLines(0), "", settings.warmup), reporter.run(rate, settings.warmup)]);
  }
  const results = [];
  const phases = [];
  const checked = (r) => {
    if (r.requests > phaseTokens) r.errors += r.requests - phaseTokens; // a token claimed twice: the pool ran dry
    return r;
  };
  let alone = checked(await wrk(server, claimLines(1), "", seconds));
  for (let round = 0; round < rounds; round++) {
    const recording = process.env.BENCH_JFR && "activity".startsWith(process.env.BENCH_JFR) && round === 0
      ? jfr(server, { name: "activity beside claims" }) : null;
    const cpuBefore = server.cpuMillis();
    const [besideRun, activity] = await Promise.all([wrk(server, claimLines(2 + 2 * round), "", seconds),
      reporter.run(rate, seconds)]);
    const beside = checked(besideRun);
    const cpu = server.cpuMillis() - cpuBefore;
    if (recording) recording.stop();
    const after = checked(await wrk(server, claimLines(3 + 2 * round), "", seconds));
    // The activity's share of the server's CPU: what the phase used beyond its claims at the claim-alone cost.
    activity.cpuPerBatch = activity.batches ? Math.max(0, cpu - beside.requests * alone.cpuPerRequest) / activity.batches : 0;
    phases.push({ round: round + 1, alone, beside, after, activity });
    results.push({ name: `activity: claims alone, before round ${round + 1}`, ...alone },
      { name: `activity: claims beside activity, round ${round + 1}`, ...beside },
      { name: `activity: batches, round ${round + 1}`, requests: activity.batches, errors: activity.errors });
    log(`${db.kind} activity round ${round + 1}: claims ${alone.throughput.toFixed(0)}/s alone, ` +
      `${beside.throughput.toFixed(0)}/s beside ${activity.batchesPerSecond.toFixed(1)} batches/s ` +
      `(p50 ${activity.p50.toFixed(0)} ms, p99 ${activity.p99.toFixed(0)} ms, ${activity.errors} errors), ` +
      `${after.throughput.toFixed(0)}/s alone after`);
    alone = after;
  }
  results.push({ name: `activity: claims alone, after round ${rounds}`, ...alone });
  await server.stop();
  print(db.kind, rate, seconds, phases);
  return results;
}

function print(kind, rate, seconds, phases) {
  console.log(`\n### Activity beside claims (${kind === "h2" ? "H2 (file)" : "PostgreSQL"})\n`);
  console.log(`Claim load: claim, invitee already a member (wrk, as in the main table), ${seconds} s alone, then ` +
    `${seconds} s with ${rate} activity batches/s of ${ITEMS} items (${BY_PERSON} by person) beside it, then ` +
    `${seconds} s alone again: ${(rate * ITEMS).toLocaleString("en")} reports/s over ${SEATS.toLocaleString("en")} + ` +
    `${BY_PERSON} seats, each seat written about once a minute (the steady state of the once-a-minute rule). Ratio: ` +
    `claims beside over the mean of the two alone around them; "over before": over the one before alone.\n`);
  console.log(`| round | claims alone before | claims beside activity | claims alone after | ratio | target | ` +
    `over before | claim p99 alone / beside | batches/s | reports/s | batch p50 | batch p99 | ` +
    `server CPU / batch (est.) | batches behind schedule | errors |`);
  console.log(`|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|`);
  // Errors per row: its phases, the one alone before counted in the first row only (it closes the row above).
  for (const { round, alone, beside, after, activity: a } of phases) {
    const ratio = beside.throughput / ((alone.throughput + after.throughput) / 2);
    console.log(`| ${round} | ${alone.throughput.toFixed(0)}/s | ${beside.throughput.toFixed(0)}/s | ` +
      `${after.throughput.toFixed(0)}/s | ${ratio.toFixed(2)} | ≥ ${TARGET.toFixed(2)}: ${ratio >= TARGET ? "met" : "not met"} | ` +
      `${(beside.throughput / alone.throughput).toFixed(2)} | ${alone.p99.toFixed(0)} / ${beside.p99.toFixed(0)} ms | ` +
      `${a.batchesPerSecond.toFixed(1)} | ${a.reportsPerSecond.toFixed(0)} | ${a.p50.toFixed(0)} ms | ${a.p99.toFixed(0)} ms | ` +
      `${a.cpuPerBatch.toFixed(1)} ms | ${a.skipped} | ${(round === 1 ? alone.errors : 0) + beside.errors + after.errors + a.errors} |`);
  }
  if (phases.length > 1) {
    // The rounds pooled: the mean of the claims beside the reporters over the mean of the claims alone around them
    // (each round's two alone phases averaged first, as in its own ratio). A round's ratio moves by more than the
    // 10 % it judges as the claims' own rate swings; the pooled one averages the swings out.
    const mean = (f) => phases.reduce((sum, phase) => sum + f(phase), 0) / phases.length;
    const before = mean((p) => p.alone.throughput);
    const beside = mean((p) => p.beside.throughput);
    const after = mean((p) => p.after.throughput);
    const around = mean((p) => (p.alone.throughput + p.after.throughput) / 2);
    const ratio = beside / around;
    console.log(`| all (mean) | ${before.toFixed(0)}/s | ${beside.toFixed(0)}/s | ${after.toFixed(0)}/s | ` +
      `${ratio.toFixed(2)} | ≥ ${TARGET.toFixed(2)}: ${ratio >= TARGET ? "met" : "not met"} | ` +
      `${(beside / before).toFixed(2)} | | ${mean((p) => p.activity.batchesPerSecond).toFixed(1)} | ` +
      `${mean((p) => p.activity.reportsPerSecond).toFixed(0)} | | | | | |`);
  }
  console.log("");
}

/** Activity reporters: batches of {@value ITEMS} items sent on a steady schedule, their latencies recorded. */
class Reporter {
  constructor(base, token, seats, people, subscriptionId) {
    this.base = base;
    this.token = token;
    this.seats = seats;
    this.people = people;
    this.subscriptionId = subscriptionId;
    this.next = 0;
    this.reported = new Set();
  }

  /**
   * One batch body: the next seats in turn by id, then the people of the list subscription. Each item's `at` is up to
   * 1 s before now, or up to 60 s for the first report of its seat (see the header).
   */
  body() {
    const now = Date.now();
    const at = (key) => {
      const first = !this.reported.has(key);
      this.reported.add(key);
      return new Date(now - Math.floor(Math.random() * (first ? 60000 : 1000))).toISOString();
    };
    const items = [];
    for (let i = 0; i < ITEMS - BY_PERSON; i++) {
      const seat = this.seats[this.next++ % this.seats.length];
      items.push({ seat_id: seat, at: at(seat) });
    }
    this.people.slice(0, BY_PERSON).forEach((p, i) => items.push(i % 2 === 0
      ? { email: p.email, subscription_id: this.subscriptionId, at: at(p.email) }
      : { member_id: p.memberId, subscription_id: this.subscriptionId, at: at(p.email) }));
    return JSON.stringify({ items });
  }

  /** Reports every seat once, one batch after the other (the first reports, each a write: see the header). */
  async prime() {
    while (this.reported.size < this.seats.length + this.people.length) {
      const res = await fetch(`${this.base}/v1/customer-seats/activity`, {
        method: "POST", body: this.body(), signal: AbortSignal.timeout(120000),
        headers: { Authorization: `Bearer ${this.token}`, "Content-Type": "application/json" },
      });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`activity batch: ${res.status} ${text.slice(0, 300)}`);
    }
  }

  /** Sends {@code rate} batches per second for {@code seconds}; resolves when every batch sent is answered. */
  async run(rate, seconds) {
    const latencies = [];
    let errors = 0;
    let accepted = 0;
    let inFlight = 0;
    let skipped = 0;
    const sent = [];
    const start = performance.now();
    const send = async () => {
      const body = this.body();
      const t0 = performance.now();
      inFlight++;
      try {
        const res = await fetch(`${this.base}/v1/customer-seats/activity`, {
          method: "POST", body, signal: AbortSignal.timeout(30000),
          headers: { Authorization: `Bearer ${this.token}`, "Content-Type": "application/json" },
        });
        const text = await res.text();
        latencies.push(performance.now() - t0);
        const json = res.status === 200 ? JSON.parse(text) : null;
        if (!json || json.accepted !== ITEMS) {
          errors++;
          if (errors <= 3) console.error(`[bench] activity batch: ${res.status} ${text.slice(0, 300)}`);
        } else accepted += json.accepted;
      } catch (e) {
        errors++;
        if (errors <= 3) console.error(`[bench] activity batch: ${e}`);
      } finally {
        inFlight--;
      }
    };
    const total = Math.max(1, Math.round(rate * seconds));
    for (let i = 0; i < total; i++) {
      const due = start + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      if (inFlight >= MAX_IN_FLIGHT) skipped++; // the server is this far behind: the schedule is not kept
      else sent.push(send());
    }
    await Promise.all(sent);
    const elapsed = (performance.now() - start) / 1000;
    latencies.sort((a, b) => a - b);
    const pct = (p) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] : 0);
    return {
      batches: sent.length, errors, skipped, batchesPerSecond: latencies.length / elapsed,
      reportsPerSecond: accepted / elapsed, p50: pct(50), p99: pct(99),
    };
  }
}
