// Contract, "Edge behaviour": the seeded hostile request generator (edge/hostile.mjs) against the microbundle.
// SEATKEEPER_HOSTILE_SEED replays a run; SEATKEEPER_HOSTILE_COUNT sets its size (default 2,000).
import assert from "node:assert/strict";
import { test } from "node:test";
import { barrage } from "../edge/hostile.mjs";

test("every hostile request gets a complete JSON answer below 500, and nothing refused is stored", { timeout: 900000 }, async () => {
  const seed = Number(process.env.SEATKEEPER_HOSTILE_SEED || Math.floor(Math.random() * 2 ** 31));
  const result = await barrage({
    url: process.env.SEATKEEPER_URL,
    operator: process.env.SEATKEEPER_ADMIN_TOKEN,
    seed,
    count: Number(process.env.SEATKEEPER_HOSTILE_COUNT || 2000),
    log: (line) => console.log(`[hostile] ${line}`),
  });
  assert.deepEqual(result.failures.slice(0, 40), [],
    `seed ${seed}: ${result.failures.length} of ${result.sent} answers broke the rules (replay with SEATKEEPER_HOSTILE_SEED=${seed})`);
});
