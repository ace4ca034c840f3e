import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { embedPngFast } from '../src/render/evidence-report-png.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mimamoru-report-png-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A PNG whose rows use every filter type (0–4 in turn), so decoding exercises each of them. */
function png(width: number, height: number, colorType: 0 | 2 | 3 | 4 | 6, pixel: (x: number, y: number) => number[]): Buffer {
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colorType];
  const stride = width * channels;
  const rows: Buffer[] = [];
  let previous = Buffer.alloc(stride);
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.from(Array.from({ length: width }, (_, x) => pixel(x, y)).flat());
    const filter = y % 5;
    const out = Buffer.alloc(stride + 1);
    out[0] = filter;
    for (let i = 0; i < stride; i += 1) {
      const left = i >= channels ? row[i - channels]! : 0;
      const up = previous[i]!;
      const upLeft = i >= channels ? previous[i - channels]! : 0;
      const p = left + up - upLeft;
      const paeth =
        Math.abs(p - left) <= Math.abs(p - up) && Math.abs(p - left) <= Math.abs(p - upLeft)
          ? left
          : Math.abs(p - up) <= Math.abs(p - upLeft)
            ? up
            : upLeft;
      const predicted = [0, left, up, (left + up) >> 1, paeth][filter]!;
      out[i + 1] = (row[i]! - predicted) & 0xff;
    }
    rows.push(out);
    previous = row;
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = colorType;
  const palette = colorType === 3 ? [chunk('PLTE', Buffer.from([255, 255, 255, 200, 30, 30, 20, 90, 200, 0, 0, 0]))] : [];
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    ...palette,
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The page as pdftoppm renders it (PPM bytes), with the image drawn by pdf-lib's own embedder or embedPngFast. */
async function rendered(bytes: Buffer, fast: boolean, name: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const image = fast ? embedPngFast(doc, bytes)!.image : await doc.embedPng(bytes);
  const page = doc.addPage([image.width, image.height]);
  page.drawImage(image, { x: 0, y: 0, width: image.width, height: image.height });
  const file = path.join(dir, `${name}-${fast ? 'fast' : 'pdflib'}.pdf`);
  fs.writeFileSync(file, await doc.save());
  execFileSync('pdftoppm', ['-r', '72', '-singlefile', file, file]);
  return fs.readFileSync(`${file}.ppm`);
}

const gradient = (x: number, y: number) => [(x * 7) & 0xff, (y * 5) & 0xff, ((x + y) * 3) & 0xff];

describe('report.pdf images without re-encoding (embedPngFast)', () => {
  it.each([
    ['RGB', 2, (x: number, y: number) => gradient(x, y)],
    ['grey', 0, (x: number, y: number) => [(x * 3 + y) & 0xff]],
    ['palette', 3, (x: number, y: number) => [(x + y) % 4]],
    ['RGBA with transparency', 6, (x: number, y: number) => [...gradient(x, y), x < 20 ? 255 : (y * 9) & 0xff]],
    ['opaque RGBA', 6, (x: number, y: number) => [...gradient(x, y), 255]],
    ['grey + alpha', 4, (x: number, y: number) => [(x * 3) & 0xff, (y * 11) & 0xff]],
  ] as const)('draws a %s PNG exactly as pdf-lib does', async (name, colorType, pixel) => {
    const bytes = png(61, 47, colorType, pixel);
    expect(await rendered(bytes, true, name)).toEqual(await rendered(bytes, false, name));
  });

  it('passes an opaque PNG through unchanged: its compressed data is the image stream', async () => {
    const bytes = png(300, 200, 2, gradient);
    const doc = await PDFDocument.create();
    const embedded = embedPngFast(doc, bytes)!;
    const idatLength = bytes.readUInt32BE(33 + 0);
    expect(embedded.bytes).toBe(idatLength);
  });

  it('leaves what it does not handle to pdf-lib (not a PNG, interlaced)', async () => {
    const doc = await PDFDocument.create();
    expect(embedPngFast(doc, Buffer.from('not a png'))).toBeUndefined();
    const interlaced = png(8, 8, 2, gradient);
    interlaced[28] = 1; // IHDR interlace method (the CRC is not checked here)
    expect(embedPngFast(doc, interlaced)).toBeUndefined();
  });
});
