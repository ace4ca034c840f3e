import * as asn1js from 'asn1js';
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import {
  Certificate,
  CertificateChainValidationEngine,
  ContentInfo,
  ExtKeyUsage,
  getCrypto,
  IssuerAndSerialNumber,
  RelativeDistinguishedNames,
  SignedData,
  TSTInfo,
} from 'pkijs';

/*
 * RFC 3161 time-stamp tokens: reading and verifying them with pkijs on WebCrypto (globalThis.crypto), so the same code
 * runs in the CLI verifier (Node 20) and in the browser verification page. No I/O: bytes in, verdict out.
 * A mimamoru token timestamps one chain entry: its message imprint is that entry's hash (SHA-256 of the entry's
 * canonical JSON), so `openssl ts -verify -digest <entry hash> -in <token> -token_in -CAfile <TSA root>` checks it too.
 */

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  extKeyUsage: '2.5.29.37',
  timeStamping: '1.3.6.1.5.5.7.3.8',
} as const;

const NAME_ATTRIBUTES: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.5': 'serialNumber',
};

/** What a token says, read without checking its signature. */
export interface TimestampTokenInfo {
  /** Hex of the timestamped digest (for mimamoru: the chain entry's hash). */
  readonly imprintHex: string;
  /** OID of the imprint's hash algorithm (SHA-256 is 2.16.840.1.101.3.4.2.1). */
  readonly imprintAlgorithm: string;
  /** The TSA's time (ISO instant). */
  readonly genTime: string;
  /** Serial number of the token at its TSA (hex). */
  readonly serialHex: string;
  readonly nonceHex?: string;
  readonly policy: string;
  /** The TSA's name from the token, else the signing certificate's subject ("CN=…, O=…"). */
  readonly tsa: string;
}

export type TimestampProblemKind =
  /** WebCrypto is missing: browsers offer it only to https pages and localhost. */
  | 'no-webcrypto'
  | 'malformed'
  | 'imprint-algorithm'
  | 'imprint-mismatch'
  | 'signer-certificate'
  | 'not-a-tsa-certificate'
  | 'signed-attributes'
  | 'message-digest'
  | 'signing-certificate'
  | 'signature'
  | 'chain';

export interface TimestampProblem {
  readonly kind: TimestampProblemKind;
  readonly detail: string;
}

export type TimestampVerification =
  | {
      readonly ok: true;
      readonly genTime: string;
      readonly tsa: string;
      readonly serialHex: string;
      readonly chainChecked: boolean;
    }
  | {
      readonly ok: false;
      readonly genTime?: string;
      readonly tsa?: string;
      readonly problem: TimestampProblem;
    };

class TokenError extends Error {
  constructor(
    readonly kind: TimestampProblemKind,
    detail: string,
  ) {
    super(detail);
  }
}

function view(bytes: Uint8Array | ArrayBuffer): Uint8Array {
  return bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
}

/** A copy in its own ArrayBuffer (a Node Buffer's `.slice()` shares the whole pool, so copy through Uint8Array). */
function buffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes standard base64 (whitespace ignored); throws on any other character. */
export function base64ToBytes(text: string): Uint8Array {
  const clean = text.replace(/[\s=]+/g, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let index = 0;
  for (const char of clean) {
    const digit = B64.indexOf(char);
    if (digit < 0) throw new Error('not base64');
    value = (value << 6) | digit;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[index] = (value >> bits) & 0xff;
      index += 1;
    }
  }
  return out.subarray(0, index);
}

/** Every certificate in a PEM text (one or many `-----BEGIN CERTIFICATE-----` blocks). */
export function certificatesFromPem(pem: string): Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) =>
    Certificate.fromBER(buffer(base64ToBytes(block.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '')))),
  );
}

function formatName(name: RelativeDistinguishedNames): string {
  return name.typesAndValues
    .map((tv) => {
      const block = tv.value.valueBlock as { value?: unknown };
      const text = typeof block.value === 'string' ? block.value : '';
      return `${NAME_ATTRIBUTES[tv.type] ?? tv.type}=${text}`;
    })
    .join(', ');
}

interface ParsedToken {
  readonly signed: SignedData;
  readonly tstInfo: TSTInfo;
  readonly eContent: Uint8Array;
}

function parseToken(tokenDer: Uint8Array | ArrayBuffer): ParsedToken {
  try {
    const contentInfo = ContentInfo.fromBER(buffer(view(tokenDer)));
    if (contentInfo.contentType !== OID.signedData) throw new Error('not a CMS SignedData');
    const signed = new SignedData({ schema: contentInfo.content });
    if (signed.encapContentInfo.eContentType !== OID.tstInfo) throw new Error('content is not a TSTInfo');
    const eContent = signed.encapContentInfo.eContent;
    if (!eContent) throw new Error('TSTInfo is missing');
    const bytes = new Uint8Array(eContent.getValue());
    return { signed, tstInfo: TSTInfo.fromBER(buffer(bytes)), eContent: bytes };
  } catch (error) {
    throw new TokenError(
      'malformed',
      `not an RFC 3161 time-stamp token (${error instanceof Error ? error.message : 'unreadable'})`,
    );
  }
}

function signerCertificate(signed: SignedData): Certificate | undefined {
  const signerInfo = signed.signerInfos[0];
  const certificates = (signed.certificates ?? []).filter((c): c is Certificate => c instanceof Certificate);
  if (!signerInfo || !(signerInfo.sid instanceof IssuerAndSerialNumber)) return certificates[0];
  const sid = signerInfo.sid;
  return certificates.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber));
}

function infoOf({ signed, tstInfo }: ParsedToken): TimestampTokenInfo {
  const tsaName =
    tstInfo.tsa?.type === 4 && tstInfo.tsa.value instanceof RelativeDistinguishedNames
      ? formatName(tstInfo.tsa.value)
      : undefined;
  const signer = signerCertificate(signed);
  return {
    imprintHex: bytesToHex(tstInfo.messageImprint.hashedMessage.valueBlock.valueHexView),
    imprintAlgorithm: tstInfo.messageImprint.hashAlgorithm.algorithmId,
    genTime: tstInfo.genTime.toISOString(),
    serialHex: bytesToHex(tstInfo.serialNumber.valueBlock.valueHexView),
    ...(tstInfo.nonce ? { nonceHex: bytesToHex(tstInfo.nonce.valueBlock.valueHexView) } : {}),
    policy: tstInfo.policy,
    tsa: tsaName ?? (signer ? formatName(signer.subject) : 'unknown TSA'),
  };
}

/** Reads a DER time-stamp token (the TimeStampToken ContentInfo) without checking its signature; throws when unreadable. */
export function readTimestampToken(tokenDer: Uint8Array | ArrayBuffer): TimestampTokenInfo {
  return infoOf(parseToken(tokenDer));
}

/**
 * The hex message imprint of a base64 token, or undefined when it cannot be read: the `timestampImprint` option of
 * `verifyManifest` (a synchronous check; {@link verifyTimestampToken} also checks the signature).
 */
export function timestampTokenImprint(tokenBase64: string): string | undefined {
  try {
    return readTimestampToken(base64ToBytes(tokenBase64)).imprintHex;
  } catch {
    return undefined;
  }
}

const DIGESTS: Readonly<Record<string, (bytes: Uint8Array) => Uint8Array>> = {
  'SHA-1': sha1,
  'SHA-256': sha256,
  'SHA-384': sha384,
  'SHA-512': sha512,
};

function hashNameOf(oid: string): string {
  const algorithm = getCrypto(true).getAlgorithmByOID(oid) as { name?: string };
  const name = algorithm.name?.toUpperCase();
  if (!name || !DIGESTS[name])
    throw new TokenError('signed-attributes', `unsupported digest algorithm ${oid}`);
  return name;
}

function digest(hashName: string, bytes: Uint8Array): Uint8Array {
  const hash = DIGESTS[hashName];
  if (!hash) throw new TokenError('signed-attributes', `unsupported digest algorithm ${hashName}`);
  return hash(bytes);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

function octets(block: unknown): Uint8Array | undefined {
  return block instanceof asn1js.OctetString ? block.valueBlock.valueHexView : undefined;
}

/** RFC 3161 §2.4.2 / RFC 5816: the signing-certificate attribute binds the token to the certificate that signed it. */
function checkSigningCertificate(
  attribute: asn1js.AsnType | undefined,
  v2: boolean,
  certificate: Certificate,
): void {
  const certs = attribute instanceof asn1js.Sequence ? attribute.valueBlock.value[0] : undefined;
  const first = certs instanceof asn1js.Sequence ? certs.valueBlock.value[0] : undefined;
  if (!(first instanceof asn1js.Sequence))
    throw new TokenError('signing-certificate', 'signing-certificate attribute is unreadable');
  const [a, b] = first.valueBlock.value;
  let hashName = 'SHA-1';
  let certHash = octets(a);
  if (v2) {
    hashName = 'SHA-256';
    if (a instanceof asn1js.Sequence) {
      const oid = a.valueBlock.value[0];
      if (oid instanceof asn1js.ObjectIdentifier) hashName = hashNameOf(oid.valueBlock.toString());
      certHash = octets(b);
    }
  }
  if (!certHash)
    throw new TokenError('signing-certificate', 'signing-certificate attribute has no certificate hash');
  const der = new Uint8Array(certificate.toSchema().toBER(false));
  if (!sameBytes(digest(hashName, der), certHash)) {
    throw new TokenError(
      'signing-certificate',
      'the signing-certificate attribute names another certificate than the one that signed',
    );
  }
}

async function verifyParsed(
  parsed: ParsedToken,
  trustedCertsPem: string | readonly string[] | undefined,
): Promise<boolean> {
  const webCrypto = (globalThis as { crypto?: { subtle?: unknown } }).crypto;
  if (!webCrypto?.subtle) {
    throw new TokenError(
      'no-webcrypto',
      'WebCrypto is not available here (a browser offers it to https pages and localhost only)',
    );
  }
  const crypto = getCrypto(true);
  const { signed, tstInfo, eContent } = parsed;
  const signerInfo = signed.signerInfos[0];
  if (!signerInfo || signed.signerInfos.length !== 1)
    throw new TokenError('signed-attributes', 'a token must have exactly one signer');
  const signer = signerCertificate(signed);
  if (!signer)
    throw new TokenError(
      'signer-certificate',
      'the TSA certificate is not in the token (request it with certReq)',
    );

  const eku = signer.extensions?.find((extension) => extension.extnID === OID.extKeyUsage);
  const purposes = eku?.parsedValue instanceof ExtKeyUsage ? eku.parsedValue.keyPurposes : [];
  if (!eku?.critical || purposes.length !== 1 || purposes[0] !== OID.timeStamping) {
    throw new TokenError(
      'not-a-tsa-certificate',
      'the signing certificate is not a TSA certificate (critical extendedKeyUsage timeStamping only, RFC 3161 §2.3)',
    );
  }

  const attributes = signerInfo.signedAttrs?.attributes ?? [];
  const find = (oid: string) => attributes.find((attribute) => attribute.type === oid)?.values[0];
  const contentType = find(OID.contentType);
  if (
    !(contentType instanceof asn1js.ObjectIdentifier) ||
    contentType.valueBlock.toString() !== OID.tstInfo
  ) {
    throw new TokenError(
      'signed-attributes',
      'the signed content-type attribute is missing or is not TSTInfo',
    );
  }
  const messageDigest = octets(find(OID.messageDigest));
  if (!messageDigest)
    throw new TokenError('signed-attributes', 'the signed message-digest attribute is missing');
  const hashName = hashNameOf(signerInfo.digestAlgorithm.algorithmId);
  if (!sameBytes(digest(hashName, eContent), messageDigest)) {
    throw new TokenError('message-digest', 'the TSTInfo (time, imprint, serial) was altered after signing');
  }
  const v2 = find(OID.signingCertificateV2);
  const v1 = find(OID.signingCertificate);
  if (!v2 && !v1) throw new TokenError('signing-certificate', 'the signing-certificate attribute is missing');
  checkSigningCertificate(v2 ?? v1, v2 !== undefined, signer);

  const signatureOk = await crypto.verifyWithPublicKey(
    signerInfo.signedAttrs!.encodedValue,
    signerInfo.signature,
    signer.subjectPublicKeyInfo,
    signerInfo.signatureAlgorithm,
    hashName,
  );
  if (!signatureOk)
    throw new TokenError('signature', 'the TSA signature does not verify with the TSA certificate');

  const anchors = (typeof trustedCertsPem === 'string' ? [trustedCertsPem] : (trustedCertsPem ?? [])).flatMap(
    certificatesFromPem,
  );
  if (anchors.length === 0) return false;
  const others = (signed.certificates ?? []).filter(
    (c): c is Certificate => c instanceof Certificate && c !== signer,
  );
  const engine = new CertificateChainValidationEngine({
    trustedCerts: anchors,
    certs: [...others, signer],
    checkDate: tstInfo.genTime,
  });
  const chain = await engine.verify();
  if (!chain.result)
    throw new TokenError(
      'chain',
      `the TSA certificate does not chain to a trusted root at the token's time (${chain.resultMessage})`,
    );
  return true;
}

/**
 * Verifies an RFC 3161 token for a chain entry: it is a TSTInfo signed by a TSA certificate carried in the token, its
 * message imprint is SHA-256 `expectedHashHex`, the signature and signed attributes hold, and, when trust anchors are
 * given (PEM), the TSA certificate chains to one of them at the token's time. The first problem is named.
 */
export async function verifyTimestampToken(
  tokenDer: Uint8Array | ArrayBuffer,
  expectedHashHex: string,
  trustedCertsPem?: string | readonly string[],
): Promise<TimestampVerification> {
  let info: TimestampTokenInfo | undefined;
  try {
    const parsed = parseToken(tokenDer);
    info = infoOf(parsed);
    if (info.imprintAlgorithm !== OID.sha256) {
      throw new TokenError(
        'imprint-algorithm',
        `the token's imprint is not SHA-256 (${info.imprintAlgorithm})`,
      );
    }
    const expected = /^[0-9a-f]{64}$/i.test(expectedHashHex)
      ? bytesToHex(hexToBytes(expectedHashHex.toLowerCase()))
      : '';
    if (info.imprintHex !== expected) {
      throw new TokenError(
        'imprint-mismatch',
        `the token timestamps ${info.imprintHex}, not ${expectedHashHex}`,
      );
    }
    const chainChecked = await verifyParsed(parsed, trustedCertsPem);
    return { ok: true, genTime: info.genTime, tsa: info.tsa, serialHex: info.serialHex, chainChecked };
  } catch (error) {
    const problem: TimestampProblem =
      error instanceof TokenError
        ? { kind: error.kind, detail: error.message }
        : {
            kind: 'malformed',
            detail: `the token cannot be checked (${error instanceof Error ? error.message : 'unknown error'})`,
          };
    return { ok: false, ...(info ? { genTime: info.genTime, tsa: info.tsa } : {}), problem };
  }
}
