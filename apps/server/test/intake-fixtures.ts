import { deflateSync } from 'node:zlib';
import { PRIVACY_POLICY_VERSION } from '@mimamoru/core';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export const json = { 'content-type': 'application/json' };

/** A consultation every implementation must accept; `marker` makes each personal field findable. */
export function consultation(marker = 'ZZMARK', overrides: Record<string, unknown> = {}) {
  return {
    name: `${marker}NAME`,
    narrative: `${marker}NARRATIVE 毎日のように投稿されています`,
    platforms: ['x', '5ch'],
    postUrls: [`https://x.com/someone/status/${marker}POSTURL`],
    happenedAt: '2026-10-01',
    goals: ['delete', 'identify'],
    contact: { channel: 'email', email: `${marker.toLowerCase()}mail@example.jp`, notes: `${marker}NOTES` },
    consent: { privacyPolicyVersion: PRIVACY_POLICY_VERSION, accepted: true },
    locale: 'ja',
    ...overrides,
  };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real PNG (RGB, width × 1 px) whose pixel bytes spell `text`, so the plaintext is findable. */
export function pngWithText(text: string): Buffer {
  const pixels = Buffer.from(text, 'latin1');
  const width = Math.ceil(pixels.length / 3);
  const row = Buffer.concat([Buffer.from([0]), pixels, Buffer.alloc(width * 3 - pixels.length)]);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('tEXt', Buffer.from(`Comment\0${text}`, 'latin1')),
    chunk('IDAT', deflateSync(row)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A minimal one-page PDF whose text stream holds `text`. */
export function pdfWithText(text: string): Buffer {
  const stream = `BT /F1 12 Tf 20 20 Td (${text}) Tj ET`;
  return Buffer.from(
    [
      '%PDF-1.4',
      '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
      '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
      '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 50] /Contents 4 0 R >> endobj',
      `4 0 obj << /Length ${stream.length} >> stream`,
      stream,
      'endstream endobj',
      'trailer << /Root 1 0 R >>',
      '%%EOF',
    ].join('\n'),
    'latin1',
  );
}

export interface FilePart {
  readonly name: string;
  readonly type: string;
  readonly bytes: Uint8Array;
  readonly field?: string;
}

/** Encodes a multipart/form-data body the way browsers do (via the platform's FormData). */
export async function multipart(
  fields: Readonly<Record<string, string>>,
  files: readonly FilePart[] = [],
): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files) {
    form.append(file.field ?? 'files', new Blob([file.bytes], { type: file.type }), file.name);
  }
  const encoded = new Response(form);
  return {
    payload: Buffer.from(await encoded.arrayBuffer()),
    headers: { 'content-type': encoded.headers.get('content-type') ?? '' },
  };
}

export async function submit(app: FastifyInstance, body: unknown, headers: Record<string, string> = {}) {
  return app.inject({
    method: 'POST',
    url: '/api/consultations',
    headers: { ...json, ...headers },
    payload: body as object,
  });
}

/** Logs in; returns the cookie header value and the CSRF token. */
export async function login(
  app: FastifyInstance,
  caseNumber: string,
  accessKey: string,
): Promise<{ cookie: string; csrf: string; res: LightMyRequestResponse }> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/victim/session',
    headers: json,
    payload: { caseNumber, accessKey },
  });
  const setCookie = res.headers['set-cookie'];
  const first = (Array.isArray(setCookie) ? setCookie[0] : setCookie) ?? '';
  const cookie = first.split(';')[0] ?? '';
  const csrf = res.statusCode === 200 ? (res.json() as { csrfToken: string }).csrfToken : '';
  return { cookie, csrf, res };
}
