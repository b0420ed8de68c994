// Contract, "Edge behaviour": the seeded hostile request generator (edge/hostile.mjs) against the microbundle.
// SEATKEEPER_HOSTILE_SEED replays a run; SEATKEEPER_HOSTILE_COUNT sets its size (default 2,000). run.mjs passes the
// answers it saw while the server booted in SEATKEEPER_BOOT_ANSWERS.
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

test("while the server boots, every answer is a JSON 503 with Retry-After", { skip: !process.env.SEATKEEPER_BOOT_ANSWERS }, () => {
  const answers = JSON.parse(process.env.SEATKEEPER_BOOT_ANSWERS);
  console.log(`[boot] ${answers.length} distinct answers before the application served: ${JSON.stringify(answers)}`);
  for (const answer of answers) {
    assert.equal(answer.status, 503, JSON.stringify(answer));
    assert.match(answer.type ?? "", /^application\/json/, JSON.stringify(answer));
    assert.equal(JSON.parse(answer.body).error, "ServiceUnavailable", JSON.stringify(answer));
    assert.equal(answer.retryAfter, "5", JSON.stringify(answer));
  }
});
