#!/usr/bin/env node
// Starts a fresh Seatkeeper (Payara Micro microbundle, in-memory H2, new data directory) on a free port, runs the
// SDK conformance suite against it twice (Polar's SDK 0.49.0, then 1.0.1), and always stops the server again.
//
//   SEATKEEPER_JAR        the microbundle to test (default ../target/seatkeeper-microbundle.jar)
//   SEATKEEPER_CONFORMANCE_DB_URL, _USER, _PASSWORD
//                         another database instead of the in-memory H2, e.g. a PostgreSQL that
//                         server-config/postgresql/start.sh made (the suite makes its own organizations, so the
//                         database may hold other data). A name of its own, so that a SEATKEEPER_DB_URL exported
//                         for a real server never receives test data.
//   SEATKEEPER_STARTUP_S  seconds to wait for the server to answer (default 180)
//   JAVA_HOME             the Java to use (default: `java` on the PATH)
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "./local.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const jar = resolve(here, process.env.SEATKEEPER_JAR || "../target/seatkeeper-microbundle.jar");
const startupSeconds = Number(process.env.SEATKEEPER_STARTUP_S || 180);
const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, "bin", "java") : "java";
const started = Date.now();

let server = null; // the java child
let suite = null; // the node --test child
let workDir = null;
let logPath = null;
let stopping = null;
let spawnError = null;

function log(msg) {
  console.log(`[conformance] ${msg}`);
}

function elapsed() {
  return `${((Date.now() - started) / 1000).toFixed(1)} s`;
}


/** Keeps the server log beside the suite (the work directory is removed) and returns its path. */
function keepLog() {
  const kept = join(here, "last-server.log");
  try {
    copyFileSync(logPath, kept);
    return kept;
  } catch {
    return logPath;
  }
}

function logTail(lines = 80) {
  if (!logPath || !existsSync(logPath)) return "(no server log)";
  const all = readFileSync(logPath, "utf8").split("\n");
  return all.slice(-lines).join("\n");
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

function serverAlive() {
  return server && !spawnError && server.exitCode === null && server.signalCode === null;
}

/** Stops the server (SIGTERM, then SIGKILL after 15 s) and removes the work directory. Idempotent. */
function stopServer() {
  if (stopping) return stopping;
  stopping = (async () => {
    if (suite && suite.exitCode === null) suite.kill("SIGTERM");
    if (serverAlive()) {
      const exited = new Promise((r) => server.once("exit", r));
      server.kill("SIGTERM");
      const graceful = await Promise.race([exited.then(() => true), sleep(15000).then(() => false)]);
      if (!graceful && serverAlive()) {
        log("server did not stop within 15 s, killing it");
        server.kill("SIGKILL");
        await Promise.race([exited, sleep(5000)]);
      }
    }
    if (workDir) {
      try {
        rmSync(workDir, { recursive: true, force: true });
      } catch {
        /* best effort */
      }
    }
  })();
  return stopping;
}

// Last resort: never leave the JVM behind, whatever happens to this process.
process.on("exit", () => {
  if (serverAlive()) server.kill("SIGKILL");
  if (suite && suite.exitCode === null) suite.kill("SIGKILL");
});
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(sig, async () => {
    log(`${sig}: stopping the server`);
    await stopServer();
    process.exit(130);
  });
}

/**
 * Polls GET /v1/customers/ until it answers 401 (the application serves). Returns every other answer seen on the way
 * ({status, type, body, retryAfter}, at most one per distinct status and body), for the edge suite to check: while the
 * server boots, each must be a JSON 503, never Payara's HTML page.
 */
async function waitReady(baseUrl) {
  const deadline = Date.now() + startupSeconds * 1000;
  const seen = new Map();
  let last = "no answer yet";
  while (Date.now() < deadline) {
    if (!serverAlive()) {
      throw new Error(spawnError ? `could not run ${java}: ${spawnError.message}`
        : `the server exited during startup (code ${server.exitCode}, signal ${server.signalCode})`);
    }
    try {
      const res = await fetch(`${baseUrl}/v1/customers/`, { signal: AbortSignal.timeout(5000) });
      const body = await res.text();
      if (res.status === 401) return [...seen.values()];
      seen.set(`${res.status} ${body}`, {
        status: res.status, type: res.headers.get("content-type"), body, retryAfter: res.headers.get("retry-after"),
      });
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = err.cause?.code || err.message;
    }
    await sleep(500);
  }
  throw new Error(`the server did not answer 401 on GET /v1/customers/ within ${startupSeconds} s (last: ${last})`);
}

/**
 * The two runs of the suite, one after the other against the same server: Polar's SDK 0.49.0, which validates every
 * response against its models, and the current SDK 1.0.1 (npm alias polar-sdk-1), which sends Polar-Version and
 * raises typed errors. Each makes its own organizations.
 */
const RUNS = [
  {
    sdk: "@polar-sh/sdk 0.49.0",
    files: ["test/conformance.test.mjs", "test/edge.test.mjs", "test/webhooks.test.mjs", "test/members.test.mjs",
      "test/entitlements.test.mjs"],
  },
  { sdk: "@polar-sh/sdk 1.0.1", files: ["test/sdk1.test.mjs"] },
];

function runSuite(env, files, name) {
  const tapFile = join(workDir, `results-${name}.tap`);
  const args = ["--test", "--test-timeout=60000", "--test-reporter=spec", "--test-reporter-destination=stdout",
    "--test-reporter=tap", `--test-reporter-destination=${tapFile}`, ...files];
  return new Promise((res) => {
    suite = spawn(process.execPath, args, { cwd: here, env, stdio: ["ignore", "inherit", "inherit"] });
    suite.on("exit", (code, signal) => {
      let counts = null;
      try {
        const tap = readFileSync(tapFile, "utf8");
        const pass = Number(/^# pass (\d+)/m.exec(tap)?.[1]);
        const fail = Number(/^# fail (\d+)/m.exec(tap)?.[1]);
        if (!Number.isNaN(pass) && !Number.isNaN(fail)) counts = { pass, fail };
      } catch {
        /* no summary */
      }
      res({ code: code ?? (signal ? 1 : 0), counts });
    });
  });
}

async function main() {
  if (!existsSync(jar)) {
    console.error(`[conformance] no server jar at ${jar}: build it (mvn -B package -DskipTests) or set SEATKEEPER_JAR`);
    return 2;
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const adminToken = randomBytes(24).toString("hex");
  workDir = mkdtempSync(join(tmpdir(), "seatkeeper-conformance-"));
  logPath = join(workDir, "server.log");
  const logFd = openSync(logPath, "a");
  const env = {
    ...process.env,
    SEATKEEPER_ADMIN_TOKEN: adminToken,
    SEATKEEPER_DB_URL: process.env.SEATKEEPER_CONFORMANCE_DB_URL
      || `jdbc:h2:mem:conformance-${randomBytes(4).toString("hex")};DB_CLOSE_DELAY=-1`,
    SEATKEEPER_DB_USER: process.env.SEATKEEPER_CONFORMANCE_DB_USER || "sa",
    SEATKEEPER_DB_PASSWORD: process.env.SEATKEEPER_CONFORMANCE_DB_PASSWORD || "sa",
    SEATKEEPER_SECRET: randomBytes(32).toString("hex"),
    SEATKEEPER_DATA_DIR: join(workDir, "data"),
    SEATKEEPER_PUBLIC_URL: baseUrl,
    // Webhook retries within a second, for the step in which the receiver fails once (the default first delay is 4 s).
    SEATKEEPER_WEBHOOK_RETRY_BASE: process.env.SEATKEEPER_WEBHOOK_RETRY_BASE || "PT0.3S",
    SEATKEEPER_WEBHOOK_RETRY_MAX_INTERVAL: process.env.SEATKEEPER_WEBHOOK_RETRY_MAX_INTERVAL || "PT2S",
  };
  log(`starting ${jar} on port ${port} (work dir ${workDir}, database ${env.SEATKEEPER_DB_URL.split(";")[0]})`);
  server = spawn(java, ["-jar", jar, "--port", String(port), "--nohazelcast", "--disablephonehome"],
    { cwd: workDir, env, stdio: ["ignore", logFd, logFd] });
  closeSync(logFd);
  server.on("error", (err) => {
    spawnError = err;
    log(`could not start ${java}: ${err.message}`);
  });

  let bootAnswers;
  try {
    bootAnswers = await waitReady(baseUrl);
  } catch (err) {
    console.error(`[conformance] STARTUP FAILED after ${elapsed()}: ${err.message}`);
    console.error(`[conformance] last lines of the server log (full log kept in ${keepLog()}):\n${logTail(120)}`);
    return 1;
  }
  log(`server ready after ${elapsed()}`);

  const suiteEnv = {
    ...process.env, SEATKEEPER_URL: baseUrl, SEATKEEPER_ADMIN_TOKEN: adminToken,
    SEATKEEPER_BOOT_ANSWERS: JSON.stringify(bootAnswers),
  };
  let code = 0;
  const total = { pass: 0, fail: 0 };
  // SEATKEEPER_CONFORMANCE_ONLY=webhooks runs only the files whose name holds it (while working on one of them).
  const only = process.env.SEATKEEPER_CONFORMANCE_ONLY;
  for (const [i, run] of RUNS.entries()) {
    const files = run.files.filter((f) => !only || f.includes(only));
    if (!files.length) continue;
    log(`run ${i + 1} of ${RUNS.length}: ${run.sdk}`);
    const result = await runSuite(suiteEnv, files, String(i + 1));
    if (result.code !== 0) {
      code = result.code;
      console.error(`[conformance] ${run.sdk}: the suite failed; last lines of the server log (full log kept in ${keepLog()}):`);
      console.error(logTail(60));
    }
    if (result.counts) {
      total.pass += result.counts.pass;
      total.fail += result.counts.fail;
      log(`${run.sdk}: ${result.counts.pass} passed, ${result.counts.fail} failed`);
    } else {
      log(`${run.sdk}: no summary (exit code ${result.code})`);
      code = code || 1;
    }
  }
  log(`finished in ${elapsed()}`);
  console.log(`conformance: ${total.pass} passed, ${total.fail} failed`);
  return code;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (err) {
  console.error(`[conformance] ${err?.stack ?? err}`);
  exitCode = 1;
} finally {
  await stopServer();
}
process.exit(exitCode);
