// Helpers shared by the conformance suite: SDK clients wired to the server under test, a recorder of every
// HTTP exchange, and assertions that turn any SDK validation failure into a readable report for the Java side.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { Polar } from "@polar-sh/sdk";
import { HTTPClient } from "@polar-sh/sdk/lib/http.js";
import { SDKError } from "@polar-sh/sdk/models/errors/sdkerror.js";
import { SDKValidationError } from "@polar-sh/sdk/models/errors/sdkvalidationerror.js";
import { ResponseValidationError } from "@polar-sh/sdk/models/errors/responsevalidationerror.js";
import { PolarError } from "@polar-sh/sdk/models/errors/polarerror.js";

export const BASE_URL = process.env.SEATKEEPER_URL;
export const OPERATOR = process.env.SEATKEEPER_ADMIN_TOKEN;
if (!BASE_URL || !OPERATOR) {
  throw new Error("SEATKEEPER_URL and SEATKEEPER_ADMIN_TOKEN must be set (start the suite with `npm test`)");
}

export const ALL_SCOPES = [
  "customers:read", "customers:write", "members:read", "members:write", "products:read", "products:write",
  "subscriptions:read", "subscriptions:write", "orders:read", "orders:write", "customer_seats:read",
  "customer_seats:write", "customer_sessions:write",
];

// ---------------------------------------------------------------------------------------------------------------
// Exchange recorder. Every response the SDK receives goes through this hook: we keep its raw body (the SDK strips
// unknown keys such as `invitation_token`, so the suite reads them from here) and flag any response that is not
// JSON. A 204 is the only response allowed to have no JSON body.
// ---------------------------------------------------------------------------------------------------------------
export const exchanges = [];
export const protocolViolations = [];

async function recordResponse(res, req) {
  const body = await res.clone().text();
  const contentType = res.headers.get("content-type") || "";
  const entry = { method: req.method, url: req.url, status: res.status, contentType, body };
  exchanges.push(entry);
  if (exchanges.length > 200) exchanges.shift();
  // Contract, "API versions": SDK 0.49.0 sends no Polar-Version, so every answer is in the default version, 2026-10,
  // which is not deprecated (the deprecation headers belong to 2026-04's answers only).
  if (!req.headers.get("polar-version")) {
    const echoed = res.headers.get("polar-version");
    const announced = ["deprecation", "sunset", "link"].filter((h) => res.headers.get(h) !== null);
    if (echoed !== "2026-10" || announced.length) {
      protocolViolations.push(`${req.method} ${pathOf(req.url)} without Polar-Version -> Polar-Version '${echoed}'` +
        (announced.length ? ` with ${announced.join(", ")}` : "") + " (want 2026-10, no deprecation headers)");
    }
  }
  if (res.status === 204) return;
  const mediaType = contentType.split(";")[0].trim().toLowerCase();
  let parsed = true;
  try {
    JSON.parse(body);
  } catch {
    parsed = false;
  }
  if (mediaType !== "application/json" || !parsed) {
    protocolViolations.push(
      `${req.method} ${pathOf(req.url)} -> ${res.status} with Content-Type '${contentType}' and a body that is ` +
        `${parsed ? "JSON" : "NOT JSON"}: ${truncate(body, 400)}`,
    );
  }
}

/** The raw JSON of the last response to `method path` (path without query), for fields the SDK strips. */
export function lastRaw(method, pathPrefix) {
  for (let i = exchanges.length - 1; i >= 0; i--) {
    const e = exchanges[i];
    if (e.method === method && pathOf(e.url).startsWith(pathPrefix)) return JSON.parse(e.body);
  }
  throw new Error(`no recorded response for ${method} ${pathPrefix}`);
}

function pathOf(url) {
  const u = new URL(url);
  return u.pathname + u.search;
}

function truncate(s, n) {
  return s.length > n ? s.slice(0, n) + `… (${s.length} chars)` : s;
}

/**
 * A Polar SDK client pointed at the server. `extraBody` is merged into the JSON body of every request that has one:
 * the SDK's request models drop keys they do not know, and two Seatkeeper creates need `seats` (beyond Polar's
 * OrderCreate and SubscriptionCreateCustomer). The response is still parsed and validated by the SDK.
 */
export function sdk(accessToken, { extraBody } = {}) {
  const httpClient = new HTTPClient();
  if (extraBody) {
    httpClient.addHook("beforeRequest", async (req) => {
      if (req.method === "GET" || req.method === "DELETE") return req;
      const text = await req.clone().text();
      if (!text) return req;
      const merged = JSON.stringify({ ...JSON.parse(text), ...extraBody });
      return new Request(req.url, { method: req.method, headers: req.headers, body: merged, signal: req.signal });
    });
  }
  httpClient.addHook("response", recordResponse);
  return new Polar({ accessToken, serverURL: BASE_URL, httpClient, retryConfig: { strategy: "none" }, timeoutMs: 20000 });
}

/** Plain fetch for the calls the SDK has no function for (organizations by the operator, access tokens). */
export async function raw(method, path, token, body) {
  const headers = { Accept: "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const res = await fetch(BASE_URL + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  const contentType = res.headers.get("content-type") || "";
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (res.status !== 204 && (contentType.split(";")[0].trim() !== "application/json" || json === undefined)) {
    protocolViolations.push(`${method} ${path} -> ${res.status} with Content-Type '${contentType}': ${truncate(text, 400)}`);
  }
  return { status: res.status, headers: res.headers, json, text };
}

export async function rawExpect(method, path, token, body, status) {
  const r = await raw(method, path, token, body);
  assert.equal(r.status, status, `${method} ${path}: expected HTTP ${status}, got ${r.status}: ${truncate(r.text, 600)}`);
  return r.json;
}

// ---------------------------------------------------------------------------------------------------------------
// Error reporting.
// ---------------------------------------------------------------------------------------------------------------
const MISSING = Symbol("missing");

function valueAt(root, path) {
  let v = root;
  for (const key of path) {
    if (v === null || typeof v !== "object" || !(key in v)) return MISSING;
    v = v[key];
  }
  return v;
}

/**
 * The zod issues of a validation error, one line each: the path inside the SDK model (wire names), what the model
 * wanted, and what the server sent there. Union branches are folded: the union line, then the deepest problems of
 * its branches, without repeats.
 */
function zodIssues(err, sent) {
  const issues = err?.cause?.issues;
  if (!Array.isArray(issues)) return [];
  const out = new Set();
  const describe = (issue, path) => {
    const got = valueAt(sent, path);
    const wanted = issue.expected ? `expected ${issue.expected}`
      : issue.values ? `expected one of ${issue.values.slice(0, 6).map((x) => JSON.stringify(x)).join(", ")}`
        : issue.format ? `expected format ${issue.format}` : issue.message;
    const shown = got === MISSING ? "<key missing>" : truncate(safeJson(got), 160);
    return `  at ${path.length ? path.join(".") : "<root>"}: ${issue.code}, ${wanted}; server sent ${shown}`;
  };
  const walk = (list, prefix, depth) => {
    for (const issue of list) {
      const path = [...prefix, ...(issue.path || [])];
      if (issue.code === "invalid_union" && Array.isArray(issue.errors)) {
        const deeper = issue.errors.flat().filter((i) => (i.path || []).length > 0);
        if (deeper.length === 0 || depth > 3) {
          out.add(describe({ ...issue, message: "no union option matched" }, path));
        } else {
          out.add(`  at ${path.join(".") || "<root>"}: invalid_union (no option matched); problems in the options:`);
          walk(deeper.slice(0, 12), path, depth + 1);
        }
      } else {
        out.add(describe(issue, path));
      }
    }
  };
  walk(issues, [], 0);
  const lines = [...out];
  return lines.length > 60 ? [...lines.slice(0, 60), `  … ${lines.length - 60} more`] : lines;
}

/** A multi-line description of any error the SDK raised, with everything a server developer needs. */
export function describeError(err) {
  const lines = [];
  if (err instanceof ResponseValidationError || err instanceof SDKValidationError) {
    lines.push(`${err.name}: the SDK rejected the server's response (${err.rawMessage ?? err.message})`);
    const http = err instanceof PolarError ? err : null;
    if (http) {
      lines.push(`  request: ${lastRequestLine(http)}`);
      lines.push(`  status: ${http.statusCode}, content-type: ${http.contentType}`);
      lines.push(`  body: ${truncate(http.body ?? "", 3000)}`);
      let sent;
      try {
        sent = JSON.parse(http.body);
      } catch {
        sent = undefined;
      }
      lines.push("  zod issues (path inside the SDK model: problem):", ...zodIssues(err, sent));
    } else {
      lines.push(`  raw value: ${truncate(safeJson(err.rawValue), 3000)}`);
      const last = exchanges[exchanges.length - 1];
      if (last) lines.push(`  last exchange: ${last.method} ${pathOf(last.url)} -> ${last.status}`);
      lines.push("  zod issues (path inside the SDK model: problem):", ...zodIssues(err, err.rawValue));
    }
  } else if (err instanceof PolarError) {
    lines.push(`${err.name} HTTP ${err.statusCode} (${err.contentType}): ${truncate(err.body ?? "", 2000)}`);
    lines.push(`  request: ${lastRequestLine(err)}`);
  } else {
    lines.push(String(err?.stack ?? err));
  }
  return lines.join("\n");
}

function lastRequestLine(err) {
  const url = err.rawResponse?.url;
  const match = [...exchanges].reverse().find((e) => e.url === url && e.status === err.statusCode);
  return match ? `${match.method} ${pathOf(match.url)}` : url ? pathOf(url) : "?";
}

function safeJson(v) {
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}

/** Awaits an SDK call that must succeed; any error (validation or HTTP) fails with a full report. */
export async function ok(label, promise) {
  try {
    return await promise;
  } catch (err) {
    assert.fail(`${label}: expected success, but the SDK raised\n${describeError(err)}`);
  }
}

/**
 * Awaits an SDK call that must fail with `status`. `type` is the SDK error class expected (SDKError for the
 * M.fail matchers, ResourceNotFound/HTTPValidationError/... for the typed ones); `error` is the `error` field the
 * JSON body must carry (Polar's error class name); `detail` optionally the exact detail. `expected` may also be a
 * list of such objects when more than one documented answer is acceptable; the one whose status matches is checked.
 */
export async function fails(label, promise, expected) {
  const alternatives = Array.isArray(expected) ? expected : [expected];
  const wanted = alternatives.map((a) => `HTTP ${a.status}${a.error ? " " + a.error : ""}`).join(" or ");
  let result;
  try {
    result = await promise;
  } catch (err) {
    if (err instanceof ResponseValidationError || err instanceof SDKValidationError || !(err instanceof PolarError)) {
      assert.fail(`${label}: expected ${wanted}, but\n${describeError(err)}`);
    }
    const chosen = alternatives.find((a) => a.status === err.statusCode);
    if (!chosen) assert.fail(`${label}: expected ${wanted}, got\n${describeError(err)}`);
    const { type = SDKError, error, detail } = chosen;
    assert.ok(err instanceof type,
      `${label}: expected the SDK to raise ${type.name}, it raised ${err.name}\n${describeError(err)}`);
    let body;
    try {
      body = JSON.parse(err.body);
    } catch {
      assert.fail(`${label}: error body is not JSON: ${truncate(err.body ?? "", 600)}`);
    }
    if (error !== undefined) {
      assert.equal(body.error, error, `${label}: expected error '${error}', body was ${err.body}`);
    }
    if (detail !== undefined) {
      assert.equal(body.detail, detail, `${label}: unexpected detail, body was ${err.body}`);
    }
    return { err, body };
  }
  assert.fail(`${label}: expected ${wanted}, but the call succeeded: ${truncate(safeJson(result), 600)}`);
}

export function assertNoProtocolViolations() {
  if (protocolViolations.length) {
    const list = protocolViolations.splice(0);
    assert.fail(`responses that break the wire rules (every response except 204 must be application/json; without` +
      ` Polar-Version, 2026-10 and no deprecation headers):\n  ${list.join("\n  ")}`);
  }
}

export function uniqueEmail(who) {
  return `${who}-${randomUUID().slice(0, 8)}@example.com`;
}

export function uniqueSlug() {
  return `conf-${randomUUID().slice(0, 8)}`;
}

/** An organization (operator token, plain fetch) and an access token for it. */
export async function tenant({ seats = true, memberModel = true, scopes = ALL_SCOPES } = {}) {
  const slug = uniqueSlug();
  const org = await rawExpect("POST", "/v1/organizations/", OPERATOR, {
    name: `Org ${slug}`, slug,
    feature_settings: { seat_based_pricing_enabled: seats, member_model_enabled: memberModel },
  }, 201);
  assert.equal(org.slug, slug);
  const created = await rawExpect("POST", "/v1/organization-access-tokens/", OPERATOR, {
    organization_id: org.id, comment: "conformance", scopes,
  }, 201);
  assert.match(created.token, /^polar_oat_[A-Za-z0-9]{43}$/);
  assert.equal(typeof created.organization_access_token, "object");
  return { org, token: created.token, polar: sdk(created.token) };
}

export const SEAT_TIERS = {
  tiers: [
    { minSeats: 1, maxSeats: 10, pricePerSeat: 1000 },
    { minSeats: 11, pricePerSeat: 800 },
  ],
};

export { SDKError, SDKValidationError, ResponseValidationError, PolarError, randomUUID };
