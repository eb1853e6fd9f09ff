// Independent checks of the portal's Data Integrity proofs (eddsa-rdfc-2022), for tests/Grains.Tests and tests/Portal.Tests.
// Nothing here shares code with the portal: JSON-LD by digitalbazaar's jsonld, RDFC-1.0 by rdf-canonize, the proof by
// @digitalbazaar/data-integrity with @digitalbazaar/eddsa-rdfc-2022-cryptosuite and @digitalbazaar/ed25519-multikey.
// Contexts are never fetched: the VC 2.0 context comes from @digitalbazaar/credentials-context, the Open Badges 3.0
// one from 1EdTech's file vendored in tests/Grains.Tests/Badges/Vendor.
//
//   node di.mjs canonize <credential.json>                -> the credential's canonical N-Quads (jsonld.canonize, RDFC-1.0, safe mode, i18n-datatype: as the cryptosuite)
//   node di.mjs canonize-nquads <input.nq> [<maxWorkFactor>] -> the N-Quads' canonical form (rdf-canonize, RDFC-1.0; factor 1 unless given)
//   node di.mjs sign <credential.json> [<verificationMethod> | issuer-is-key]
//        -> {"credential": signed, "publicKeyMultibase": …}: a new key, named by the given method or by its own did:key
//           (issuer-is-key: which becomes issuer.id too)
//   node di.mjs verify <credential.json> [<publicKeyMultibase>]
//        -> {"verified": true|false, "error": …}; the key is the verificationMethod's, or the did:key's own; exit 1 unless verified
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import jsonld from 'jsonld';
import * as rdfCanonize from 'rdf-canonize';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { contexts as credentialContexts } from '@digitalbazaar/credentials-context';
import jsigs from 'jsonld-signatures';

const { purposes: { AssertionProofPurpose } } = jsigs;
const vendor = fileURLToPath(new URL('../../Grains.Tests/Badges/Vendor/', import.meta.url));
const obContext = JSON.parse(readFileSync(vendor + 'context-3.0.3.json', 'utf8'));
const contexts = new Map([...credentialContexts,
  ['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', obContext]]);
const multikeyContext = 'https://w3id.org/security/multikey/v1';

// Keys known to the loader: a verificationMethod id -> its Multikey document.
const keys = new Map();

async function documentLoader(url) {
  if (contexts.has(url)) {
    return { contextUrl: null, documentUrl: url, document: contexts.get(url) };
  }
  const method = keys.get(url) ?? didKeyMethod(url);
  if (method) {
    return { contextUrl: null, documentUrl: url, document: method };
  }
  throw new Error(`context ${url} is not known (never fetched)`);
}

function didKeyMethod(url) {
  const match = /^did:key:(z6Mk[1-9A-HJ-NP-Za-km-z]+)#(z6Mk[1-9A-HJ-NP-Za-km-z]+)$/.exec(url);
  return match && match[1] === match[2] ? multikey(url, `did:key:${match[1]}`, match[1]) : null;
}

function multikey(id, controller, publicKeyMultibase) {
  return { '@context': multikeyContext, id, type: 'Multikey', controller, publicKeyMultibase };
}

// The controller of a method: the document it is a fragment of (a did:key, or the issuer's address).
const controllerOf = verificationMethod => verificationMethod.split('#')[0];

const readJson = file => JSON.parse(readFileSync(file, 'utf8'));

async function sign(credential, verificationMethod) {
  const fresh = await Ed25519Multikey.generate();
  const did = `did:key:${fresh.publicKeyMultibase}`;
  if (verificationMethod === 'issuer-is-key') {
    // The issuer is the key's own did:key, known only now that the key is made.
    credential.issuer = typeof credential.issuer === 'object' ? { ...credential.issuer, id: did } : did;
    verificationMethod = undefined;
  }
  const id = verificationMethod ?? `${did}#${fresh.publicKeyMultibase}`;
  const pair = await Ed25519Multikey.from({ ...fresh, id, controller: verificationMethod ? controllerOf(id) : did });
  keys.set(pair.id, multikey(pair.id, pair.controller, fresh.publicKeyMultibase));
  const suite = new DataIntegrityProof({ signer: pair.signer(), cryptosuite: eddsaRdfc2022 });
  const signed = await jsigs.sign(credential, { suite, purpose: new AssertionProofPurpose(), documentLoader });
  return { credential: signed, publicKeyMultibase: fresh.publicKeyMultibase };
}

async function verify(credential, publicKeyMultibase) {
  const method = credential.proof?.verificationMethod;
  if (typeof method !== 'string') throw new Error('the proof names no verificationMethod');
  if (publicKeyMultibase) keys.set(method, multikey(method, controllerOf(method), publicKeyMultibase));
  const suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });
  const purpose = new AssertionProofPurpose({ controller: { id: controllerOf(method), assertionMethod: [method] } });
  const result = await jsigs.verify(credential, { suite, purpose, documentLoader });
  return { verified: result.verified, error: result.error ? String(result.error.errors?.[0] ?? result.error) : undefined };
}

const [command, file, ...rest] = process.argv.slice(2);
try {
  if (command === 'canonize') {
    process.stdout.write(await jsonld.canonize(readJson(file), { algorithm: 'RDFC-1.0', format: 'application/n-quads', safe: true, rdfDirection: 'i18n-datatype', documentLoader }));
  } else if (command === 'canonize-nquads') {
    const dataset = rdfCanonize.NQuads.parse(readFileSync(file, 'utf8'));
    const maxWorkFactor = rest[0] === undefined ? 1 : Number(rest[0]);
    process.stdout.write(await rdfCanonize.canonize(dataset, { algorithm: 'RDFC-1.0', format: 'application/n-quads', maxWorkFactor }));
  } else if (command === 'sign') {
    console.log(JSON.stringify(await sign(readJson(file), rest[0])));
  } else if (command === 'verify') {
    const result = await verify(readJson(file), rest[0]);
    console.log(JSON.stringify(result));
    if (!result.verified) process.exit(1);
  } else {
    throw new Error(`unknown command ${command}`);
  }
} catch (error) {
  console.error(`${error.name}: ${error.message}`);
  process.exit(2);
}
