import { randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import { AlgorithmIdentifier, MessageImprint, PKIStatusInfo, TimeStampReq } from 'pkijs';
import { readTimestampToken, verifyTimestampToken } from '@mimamoru/core';

const SHA256_OID = '2.16.840.1.101.3.4.2.1';
/** A token is a few kilobytes (the TSA certificate chain included); anything far larger is not a TSA answer. */
const MAX_RESPONSE_BYTES = 256 * 1024;

/** PKIFailureInfo bit numbers and names (RFC 3161 §2.4.2), for the error message. */
const FAILURE_INFO: readonly (readonly [bit: number, name: string])[] = [
  [0, 'badAlg'],
  [2, 'badRequest'],
  [5, 'badDataFormat'],
  [14, 'timeNotAvailable'],
  [15, 'unacceptedPolicy'],
  [16, 'unacceptedExtension'],
  [17, 'addInfoNotAvailable'],
  [25, 'systemFailure'],
];

/** Why a TSA request failed; `code` is stored on the job and logged (never the case data). */
export class TsaError extends Error {
  constructor(
    readonly code:
      | 'tsa.unreachable'
      | 'tsa.http_status'
      | 'tsa.too_large'
      | 'tsa.rejected'
      | 'tsa.bad_response'
      | 'tsa.bad_token'
      | 'tsa.untrusted',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'TsaError';
  }
}

export interface TimestampRequestInput {
  /** The TSA's address (MIMAMORU_TSA_URL). */
  readonly url: string;
  /** Hex SHA-256 to timestamp: the chain entry's hash is itself the message imprint. */
  readonly hashHex: string;
  readonly timeoutMs?: number;
  /** PEM trust anchors; when given the TSA certificate must chain to one of them. */
  readonly trustedCertsPem?: string;
  /** HTTP Basic credentials for a TSA that requires them (never logged, never in an error message). */
  readonly auth?: { readonly username: string; readonly password: string };
}

export interface TimestampToken {
  /** DER of the TimeStampToken (CMS ContentInfo), exactly as the TSA sent it. */
  readonly tokenDer: Uint8Array;
  readonly genTime: string;
  readonly tsa: string;
  readonly serialHex: string;
}

/** DER TimeStampReq for a SHA-256 imprint with a nonce, asking for the TSA certificate in the token. */
export function buildTimestampRequest(hashHex: string, nonce: Uint8Array): Uint8Array {
  const request = new TimeStampReq({
    version: 1,
    messageImprint: new MessageImprint({
      hashAlgorithm: new AlgorithmIdentifier({ algorithmId: SHA256_OID, algorithmParams: new asn1js.Null() }),
      hashedMessage: new asn1js.OctetString({ valueHex: Buffer.from(hashHex, 'hex') }),
    }),
    nonce: new asn1js.Integer({ valueHex: nonce }),
    certReq: true,
  });
  return new Uint8Array(request.toSchema().toBER(false));
}

/** A positive 64-bit nonce whose DER encoding keeps every byte (no leading zero, high bit clear). */
function newNonce(): Uint8Array {
  const nonce = randomBytes(8);
  nonce[0] = ((nonce[0] ?? 0) & 0x7f) | 0x40;
  return new Uint8Array(nonce);
}

function describeStatus(status: PKIStatusInfo): string {
  const texts = (status.statusStrings ?? []).map((s) =>
    String((s.valueBlock as { value?: unknown }).value ?? ''),
  );
  const bits = status.failInfo ? status.failInfo.valueBlock.valueHexView : new Uint8Array();
  const unused = status.failInfo ? status.failInfo.valueBlock.unusedBits : 0;
  const failures = FAILURE_INFO.filter(([bit]) => {
    const byte = bits[bit >> 3];
    return (
      byte !== undefined &&
      (bit >> 3 < bits.length - 1 || 7 - (bit & 7) >= unused) &&
      (byte & (0x80 >> (bit & 7))) !== 0
    );
  }).map(([, name]) => name);
  return [
    `status ${status.status}`,
    ...failures,
    ...texts.filter((t) => t !== '').map((t) => t.slice(0, 120)),
  ].join(', ');
}

/** The status and the exact token bytes of a DER TimeStampResp. */
export function parseTimestampResponse(der: Uint8Array): { status: PKIStatusInfo; tokenDer?: Uint8Array } {
  const parsed = asn1js.fromBER(der);
  const sequence = parsed.result;
  if (parsed.offset === -1 || !(sequence instanceof asn1js.Sequence) || parsed.offset !== der.byteLength) {
    throw new TsaError('tsa.bad_response', 'the TSA answer is not a DER TimeStampResp');
  }
  const [statusBlock, tokenBlock] = sequence.valueBlock.value;
  let status: PKIStatusInfo;
  try {
    status = new PKIStatusInfo({ schema: statusBlock });
  } catch (error) {
    throw new TsaError('tsa.bad_response', 'the TSA answer has no readable status', { cause: error });
  }
  return tokenBlock ? { status, tokenDer: new Uint8Array(tokenBlock.valueBeforeDecodeView) } : { status };
}

/**
 * Asks an RFC 3161 TSA to timestamp `hashHex` over HTTP (application/timestamp-query, with HTTP Basic credentials
 * when given) and returns the token once it is granted, covers exactly that hash, echoes our nonce and carries a
 * valid TSA signature whose certificate chains to one of the trust anchors when they are given.
 */
export async function requestTimestamp(input: TimestampRequestInput): Promise<TimestampToken> {
  const nonce = newNonce();
  const body = buildTimestampRequest(input.hashHex, nonce);
  let response: Response;
  try {
    response = await fetch(input.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/timestamp-query',
        accept: 'application/timestamp-reply',
        ...(input.auth
          ? { authorization: `Basic ${Buffer.from(`${input.auth.username}:${input.auth.password}`, 'utf8').toString('base64')}` }
          : {}),
      },
      body: new Uint8Array(body),
      redirect: 'error',
      signal: AbortSignal.timeout(input.timeoutMs ?? 20_000),
    });
  } catch (error) {
    throw new TsaError(
      'tsa.unreachable',
      `the TSA could not be reached (${error instanceof Error ? error.message : 'network error'})`,
      { cause: error },
    );
  }
  if (!response.ok) {
    await response.body?.cancel();
    const hint =
      response.status === 401 || response.status === 403
        ? input.auth
          ? ' (check MIMAMORU_TSA_USERNAME and MIMAMORU_TSA_PASSWORD)'
          : ' (the TSA wants authentication: set MIMAMORU_TSA_USERNAME and MIMAMORU_TSA_PASSWORD)'
        : '';
    throw new TsaError('tsa.http_status', `the TSA answered HTTP ${response.status}${hint}`);
  }
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > MAX_RESPONSE_BYTES) {
    await response.body?.cancel();
    throw new TsaError('tsa.too_large', `the TSA answer is larger than ${MAX_RESPONSE_BYTES} bytes`);
  }
  const der = new Uint8Array(await response.arrayBuffer());
  if (der.byteLength > MAX_RESPONSE_BYTES)
    throw new TsaError('tsa.too_large', `the TSA answer is larger than ${MAX_RESPONSE_BYTES} bytes`);

  const { status, tokenDer } = parseTimestampResponse(der);
  // 0 granted, 1 grantedWithMods (RFC 3161 §2.4.2).
  if (status.status !== 0 && status.status !== 1)
    throw new TsaError('tsa.rejected', `the TSA refused the request (${describeStatus(status)})`);
  if (!tokenDer) throw new TsaError('tsa.bad_response', 'the TSA granted the request but sent no token');

  let nonceHex: string | undefined;
  try {
    nonceHex = readTimestampToken(tokenDer).nonceHex;
  } catch (error) {
    throw new TsaError('tsa.bad_token', 'the TSA token cannot be read', { cause: error });
  }
  if (nonceHex !== Buffer.from(nonce).toString('hex'))
    throw new TsaError(
      'tsa.bad_token',
      'the TSA token does not carry our nonce (replayed or foreign answer)',
    );
  const verification = await verifyTimestampToken(tokenDer, input.hashHex, input.trustedCertsPem);
  if (!verification.ok && verification.problem.kind === 'chain')
    throw new TsaError(
      'tsa.untrusted',
      `the TSA certificate does not chain to MIMAMORU_TSA_CA_FILE: ${verification.problem.detail}`,
    );
  if (!verification.ok)
    throw new TsaError(
      'tsa.bad_token',
      `the TSA token does not verify: ${verification.problem.kind}: ${verification.problem.detail}`,
    );
  return {
    tokenDer,
    genTime: verification.genTime,
    tsa: verification.tsa,
    serialHex: verification.serialHex,
  };
}
