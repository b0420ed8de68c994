// Helpers of the tools that start a server of their own and call it (the conformance suite, the durability test, the
// benchmark): a free port, and JSON calls.
import net from "node:net";

/** Resolves to a port no one listens on now (the OS picks it); the caller's server binds it next. */
export function freePort() {
  return new Promise((res, rej) => {
    const server = net.createServer();
    server.unref();
    server.on("error", rej);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => res(port));
    });
  });
}

/**
 * Sends {@code body} (an object, as JSON) to {@code base + path} with a bearer token when given; resolves to the
 * status and the parsed JSON body (null when empty). Gives up after 30 s.
 */
export async function call(base, method, path, token, body) {
  const res = await fetch(base + path, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(30000),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

/** As {@link call}, resolving to the JSON body; rejects on a status of 300 or more, naming the call and the answer. */
export async function must(base, method, path, token, body) {
  const answer = await call(base, method, path, token, body);
  if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.json)}`);
  return answer.json;
}

/**
 * A webhook receiver on 127.0.0.1 (a port the OS picks). Every request is kept in `received`, in arrival order, as
 * {path, headers (lower-case names), body (the raw text, as signed), at (Date.now() on arrival)}; `onRequest` (if set)
 * is called with each. It answers 204, or, for a path given to `fail(path, ...statuses)`, those statuses first, one per
 * request, until `recover(path)` drops the ones left. `url(path)` is the address to register; `close()` stops it.
 */
export async function startReceiver() {
  const http = await import("node:http");
  const received = [];
  const scripted = new Map(); // path -> statuses still to answer
  const receiver = {
    received,
    onRequest: null,
    url: (path = "/") => `http://127.0.0.1:${server.address().port}${path}`,
    fail: (path, ...statuses) => scripted.set(path, [...(scripted.get(path) ?? []), ...statuses]),
    recover: (path) => scripted.delete(path),
    close: () => new Promise((res) => {
      server.closeAllConnections?.();
      server.close(() => res());
    }),
  };
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const entry = { path: req.url, headers: { ...req.headers }, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() };
      received.push(entry);
      const statuses = scripted.get(req.url);
      const status = statuses?.length ? statuses.shift() : 204;
      if (receiver.onRequest) receiver.onRequest(entry, status);
      res.writeHead(status, { "content-type": "text/plain" });
      res.end(status < 300 ? "" : "not now");
    });
  });
  server.keepAliveTimeout = 30000;
  await new Promise((res, rej) => {
    server.once("error", rej);
    server.listen(0, "127.0.0.1", res);
  });
  return receiver;
}
