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
