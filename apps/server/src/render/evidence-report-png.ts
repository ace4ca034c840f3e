import { deflateSync, inflateSync } from 'node:zlib';
import { PDFHexString, PDFImage, PngEmbedder, type PDFDocument, type PDFRef } from 'pdf-lib';

/**
 * Embeds a PNG in a PDF without pdf-lib's decode and re-encode (pako in JavaScript: ~0.8 s per phone screenshot,
 * ~3 s per full-page capture, and a PDF several times the PNG's size).
 * - Opaque PNGs (grey, RGB, palette without transparency), not interlaced: the PNG's own compressed data goes into
 *   the PDF as is; PDF's FlateDecode with the PNG predictors (Predictor 15) reads it unchanged. No decoding at all.
 * - 8-bit grey+alpha and RGBA, not interlaced: inflated and unfiltered once, split into colour and alpha, and
 *   deflated with Node's native zlib; an alpha channel that is fully opaque (most screenshots) is dropped.
 * - Anything else (16-bit with alpha, interlaced, transparency by tRNS): undefined, and the caller uses pdf-lib.
 * The evidence file itself is never changed: this only concerns the copy shown in report.pdf.
 */
export function embedPngFast(doc: PDFDocument, png: Uint8Array): { image: PDFImage; bytes: number } | undefined {
  const parsed = parsePng(png);
  if (!parsed || parsed.interlaced || parsed.hasTrns) return undefined;
  const { width, height, bitDepth, colorType, palette, idat } = parsed;
  const context = doc.context;
  const register = (contents: Uint8Array, dict: Parameters<typeof context.stream>[1]): PDFRef =>
    context.register(context.stream(contents, dict));

  let ref: PDFRef;
  let bytes: number;
  if (colorType === 0 || colorType === 2 || colorType === 3) {
    if (colorType === 3 && !palette) return undefined;
    const colors = colorType === 2 ? 3 : 1;
    const colorSpace =
      colorType === 3
        ? context.obj(['Indexed', 'DeviceRGB', palette!.length / 3 - 1, PDFHexString.of(Buffer.from(palette!).toString('hex'))])
        : colorType === 2
          ? 'DeviceRGB'
          : 'DeviceGray';
    ref = register(idat, {
      Type: 'XObject',
      Subtype: 'Image',
      Width: width,
      Height: height,
      BitsPerComponent: bitDepth,
      ColorSpace: colorSpace,
      Filter: 'FlateDecode',
      DecodeParms: { Predictor: 15, Colors: colors, BitsPerComponent: bitDepth, Columns: width },
    });
    bytes = idat.byteLength;
  } else if ((colorType === 4 || colorType === 6) && bitDepth === 8) {
    const channels = colorType === 6 ? 4 : 2;
    const pixels = unfilter(inflateSync(idat), width, height, channels);
    const colorChannels = channels - 1;
    const color = new Uint8Array(width * height * colorChannels);
    const alpha = new Uint8Array(width * height);
    let opaque = true;
    for (let p = 0, c = 0, i = 0; p < width * height; p += 1) {
      for (let k = 0; k < colorChannels; k += 1) color[c++] = pixels[i++]!;
      const a = pixels[i++]!;
      alpha[p] = a;
      if (a !== 255) opaque = false;
    }
    const colorData = deflateSync(color, { level: 3 });
    bytes = colorData.byteLength;
    let smask: PDFRef | undefined;
    if (!opaque) {
      const alphaData = deflateSync(alpha, { level: 3 });
      bytes += alphaData.byteLength;
      smask = register(alphaData, {
        Type: 'XObject',
        Subtype: 'Image',
        Width: width,
        Height: height,
        BitsPerComponent: 8,
        ColorSpace: 'DeviceGray',
        Filter: 'FlateDecode',
      });
    }
    ref = register(colorData, {
      Type: 'XObject',
      Subtype: 'Image',
      Width: width,
      Height: height,
      BitsPerComponent: 8,
      ColorSpace: colorChannels === 3 ? 'DeviceRGB' : 'DeviceGray',
      Filter: 'FlateDecode',
      ...(smask ? { SMask: smask } : {}),
    });
  } else return undefined;

  // The XObject is already in the document: the embedder pdf-lib calls at save time has nothing left to do.
  // (PDFImage accepts only its own embedder classes, hence the prototype.)
  const embedder = Object.assign(Object.create(PngEmbedder.prototype) as PngEmbedder, {
    width,
    height,
    embedIntoContext: () => Promise.resolve(ref),
  });
  return { image: PDFImage.of(ref, doc, embedder), bytes };
}

interface ParsedPng {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  readonly colorType: number;
  readonly interlaced: boolean;
  readonly hasTrns: boolean;
  readonly palette: Uint8Array | undefined;
  readonly idat: Buffer;
}

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

/** The PNG's header facts and its concatenated IDAT data, or undefined when it is not a well-formed PNG. */
function parsePng(png: Uint8Array): ParsedPng | undefined {
  if (png.length < 33 || SIGNATURE.some((b, i) => png[i] !== b)) return undefined;
  const view = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  let offset = 8;
  let header: Omit<ParsedPng, 'hasTrns' | 'palette' | 'idat'> | undefined;
  let hasTrns = false;
  let palette: Uint8Array | undefined;
  const idat: Buffer[] = [];
  while (offset + 8 <= view.length) {
    const length = view.readUInt32BE(offset);
    const type = view.toString('latin1', offset + 4, offset + 8);
    const start = offset + 8;
    const end = start + length;
    if (end + 4 > view.length) return undefined;
    if (type === 'IHDR') {
      if (length < 13) return undefined;
      header = {
        width: view.readUInt32BE(start),
        height: view.readUInt32BE(start + 4),
        bitDepth: view[start + 8]!,
        colorType: view[start + 9]!,
        interlaced: view[start + 12] !== 0,
      };
    } else if (type === 'PLTE') palette = view.subarray(start, end);
    else if (type === 'tRNS') hasTrns = true;
    else if (type === 'IDAT') idat.push(view.subarray(start, end));
    else if (type === 'IEND') break;
    offset = end + 4;
  }
  if (!header || idat.length === 0 || header.width === 0 || header.height === 0) return undefined;
  if (![1, 2, 4, 8, 16].includes(header.bitDepth)) return undefined;
  return { ...header, hasTrns, palette, idat: idat.length === 1 ? idat[0]! : Buffer.concat(idat) };
}

/** Reverses the PNG scanline filters (None, Sub, Up, Average, Paeth) of 8-bit samples, one row at a time. */
function unfilter(data: Uint8Array, width: number, height: number, channels: number): Uint8Array {
  const stride = width * channels;
  if (data.length < (stride + 1) * height) throw new Error('PNG data is shorter than its size');
  const out = new Uint8Array(stride * height);
  const zero = new Uint8Array(stride);
  for (let y = 0; y < height; y += 1) {
    const filter = data[y * (stride + 1)];
    const src = data.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = out.subarray(y * stride, (y + 1) * stride);
    const up = y > 0 ? out.subarray((y - 1) * stride, y * stride) : zero;
    if (filter === 0) row.set(src);
    else if (filter === 1) {
      for (let x = 0; x < channels; x += 1) row[x] = src[x]!;
      for (let x = channels; x < stride; x += 1) row[x] = (src[x]! + row[x - channels]!) & 0xff;
    } else if (filter === 2) {
      for (let x = 0; x < stride; x += 1) row[x] = (src[x]! + up[x]!) & 0xff;
    } else if (filter === 3) {
      for (let x = 0; x < channels; x += 1) row[x] = (src[x]! + (up[x]! >> 1)) & 0xff;
      for (let x = channels; x < stride; x += 1) row[x] = (src[x]! + ((row[x - channels]! + up[x]!) >> 1)) & 0xff;
    } else if (filter === 4) {
      for (let x = 0; x < channels; x += 1) row[x] = (src[x]! + up[x]!) & 0xff;
      for (let x = channels; x < stride; x += 1) {
        const left = row[x - channels]!;
        const above = up[x]!;
        const upLeft = up[x - channels]!;
        const p = left + above - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - above);
        const pc = Math.abs(p - upLeft);
        row[x] = (src[x]! + (pa <= pb && pa <= pc ? left : pb <= pc ? above : upLeft)) & 0xff;
      }
    } else throw new Error(`unknown PNG filter ${filter}`);
  }
  return out;
}
