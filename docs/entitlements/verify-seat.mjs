// Checks an offline seat entitlement with the `jose` npm package (npm install jose; Node.js 20+):
//   node verify-seat.mjs https://seats.example.com/v1/organizations/<organization id> <token>
// The issuer comes from your app's configuration, never from the token. Offline, keep the last jwks.json (up to an
// hour) and status list (up to its ttl) and pass createLocalJWKSet(savedJwks) instead of fetching.
import { createRemoteJWKSet, jwtVerify } from "jose";
import { inflateSync } from "node:zlib";

const [issuer, token] = process.argv.slice(2);
const keys = createRemoteJWKSet(new URL(`${issuer}/jwks.json`));
try {
  // Signature (a key of the organization's jwks.json), alg, typ, iss, nbf and exp.
  const { payload } = await jwtVerify(token, keys, { issuer, typ: "seat-entitlement+jwt", algorithms: ["EdDSA"] });
  const { idx, uri } = payload.status.status_list;
  if (!uri.startsWith(`${issuer}/`)) throw new Error(`status list outside the issuer: ${uri}`);
  const list = await jwtVerify(await (await fetch(uri)).text(), keys, { typ: "statuslist+jwt", algorithms: ["EdDSA"] });
  const bits = inflateSync(Buffer.from(list.payload.status_list.lst, "base64url"));
  if ((bits[idx >> 3] >> (idx & 7)) & 1) {
    console.log(`revoked: seat ${payload.seat_id}`);
    process.exitCode = 1;
  } else {
    console.log(`valid until ${new Date(payload.exp * 1000).toISOString()}: seat ${payload.seat_id} held by ${payload.sub}`);
  }
} catch (e) {
  console.log(`invalid: ${e.code ?? e.message}`);
  process.exitCode = 1;
}
