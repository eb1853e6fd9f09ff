// Independent checks of the portal's Open Badges credentials, for tests/Portal.Tests (Badges/OpenBadgeTests.cs).
// Nothing here shares code with the portal: the JWT is verified by `jose`, the status list decoded with node's zlib.
//
//   node check.mjs verify <jwks.json> <credential.jwt> <issuer>  -> {"header":…,"payload":…}; exit 1 when it does not verify
//   node check.mjs status <jwks.json> <status-list.jwt> <issuer> -> {"bits":N,"set":[…]}: the list's set positions
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { createLocalJWKSet, jwtVerify } from 'jose';

const [command, jwksFile, jwtFile, issuer] = process.argv.slice(2);

async function verify() {
  const keys = createLocalJWKSet(JSON.parse(readFileSync(jwksFile, 'utf8')));
  // RS256 only: the algorithm OB 3.0 requires; anything else is refused rather than tried.
  return jwtVerify(readFileSync(jwtFile, 'utf8').trim(), keys, { issuer, algorithms: ['RS256'] });
}

try {
  const { payload, protectedHeader } = await verify();
  if (command === 'verify') {
    console.log(JSON.stringify({ header: protectedHeader, payload }));
  } else if (command === 'status') {
    const encoded = payload.credentialSubject.encodedList;
    if (!encoded.startsWith('u')) throw new Error(`encodedList is not multibase base64url: ${encoded.slice(0, 8)}`);
    const bytes = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'));
    const set = [];
    // Bit 0 is the leftmost bit of the first byte (W3C Bitstring Status List, "Bitstring Encoding").
    bytes.forEach((byte, i) => { for (let b = 0; b < 8; b++) if (byte & (0x80 >> b)) set.push(i * 8 + b); });
    console.log(JSON.stringify({ bits: bytes.length * 8, set }));
  } else {
    throw new Error(`unknown command ${command}`);
  }
} catch (error) {
  console.error(`${error.code ?? error.name}: ${error.message}`);
  process.exit(1);
}
