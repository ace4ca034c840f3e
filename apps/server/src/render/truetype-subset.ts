/**
 * A small TrueType (glyf/loca) subsetter: the font keeps only the given glyphs, renumbered in the given
 * order (new id = index), with composite glyphs' components appended and their references rewritten.
 *
 * @NOTE fontkit 1.1.1's subsetter (what pdf-lib uses) corrupts glyph outlines of Noto Sans JP — about half
 * the characters came out blank in the rendered report — so the report's fonts are subset here instead.
 */
export function subsetTrueType(input: Uint8Array, glyphOrder: readonly number[]): Uint8Array {
  // A plain Uint8Array: Buffer#slice would share memory, and the tables below are copied with slice().
  const font = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = new Map<string, { offset: number; length: number }>();
  const numTables = view.getUint16(4);
  for (let i = 0; i < numTables; i += 1) {
    const record = 12 + i * 16;
    const tag = String.fromCharCode(...font.subarray(record, record + 4));
    tables.set(tag, { offset: view.getUint32(record + 8), length: view.getUint32(record + 12) });
  }
  const table = (tag: string) => {
    const entry = tables.get(tag);
    if (!entry) throw new Error(`font has no ${tag} table`);
    return font.subarray(entry.offset, entry.offset + entry.length);
  };
  const head = table('head');
  const headView = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const longLoca = headView.getInt16(50) === 1;
  const numGlyphs = new DataView(table('maxp').buffer, table('maxp').byteOffset).getUint16(4);
  const loca = table('loca');
  const locaView = new DataView(loca.buffer, loca.byteOffset, loca.byteLength);
  const glyphAt = (id: number) =>
    longLoca
      ? [locaView.getUint32(id * 4), locaView.getUint32(id * 4 + 4)]
      : [locaView.getUint16(id * 2) * 2, locaView.getUint16(id * 2 + 2) * 2];
  const glyf = table('glyf');

  const order = [...glyphOrder];
  const newId = new Map<number, number>();
  order.forEach((id, index) => newId.set(id, index));
  const include = (id: number) => {
    let mapped = newId.get(id);
    if (mapped === undefined) {
      mapped = order.length;
      order.push(id);
      newId.set(id, mapped);
    }
    return mapped;
  };

  const glyphData: Uint8Array[] = [];
  for (let index = 0; index < order.length; index += 1) {
    const id = order[index] as number;
    if (id >= numGlyphs) throw new Error(`glyph ${id} is not in the font`);
    const [start, end] = glyphAt(id) as [number, number];
    const data = glyf.slice(start, end);
    if (data.length >= 10) {
      const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
      if (dv.getInt16(0) < 0) {
        // Composite: rewrite each component's glyph index to its id in the subset.
        let at = 10;
        for (;;) {
          const flags = dv.getUint16(at);
          dv.setUint16(at + 2, include(dv.getUint16(at + 2)));
          at += 4 + (flags & 0x0001 ? 4 : 2);
          if (flags & 0x0008) at += 2;
          else if (flags & 0x0040) at += 4;
          else if (flags & 0x0080) at += 8;
          if (!(flags & 0x0020)) break;
        }
      }
    }
    glyphData.push(data);
  }

  const count = order.length;
  const padded = (n: number) => (n + 3) & ~3;
  const newGlyf = new Uint8Array(glyphData.reduce((sum, d) => sum + padded(d.length), 0));
  const newLoca = new Uint8Array((count + 1) * 4);
  const newLocaView = new DataView(newLoca.buffer);
  let cursor = 0;
  glyphData.forEach((data, index) => {
    newLocaView.setUint32(index * 4, cursor);
    newGlyf.set(data, cursor);
    cursor += padded(data.length);
  });
  newLocaView.setUint32(count * 4, cursor);

  // Horizontal metrics: every glyph gets a full (advance, lsb) pair.
  const hhea = table('hhea').slice();
  const hheaView = new DataView(hhea.buffer);
  const numberOfHMetrics = hheaView.getUint16(34);
  const hmtx = table('hmtx');
  const hmtxView = new DataView(hmtx.buffer, hmtx.byteOffset, hmtx.byteLength);
  const newHmtx = new Uint8Array(count * 4);
  const newHmtxView = new DataView(newHmtx.buffer);
  order.forEach((id, index) => {
    const metric = Math.min(id, numberOfHMetrics - 1);
    const advance = hmtxView.getUint16(metric * 4);
    const lsb =
      id < numberOfHMetrics
        ? hmtxView.getInt16(id * 4 + 2)
        : hmtxView.getInt16(numberOfHMetrics * 4 + (id - numberOfHMetrics) * 2);
    newHmtxView.setUint16(index * 4, advance);
    newHmtxView.setInt16(index * 4 + 2, lsb);
  });
  hheaView.setUint16(34, count);

  const newHead = head.slice();
  const newHeadView = new DataView(newHead.buffer);
  newHeadView.setInt16(50, 1);
  newHeadView.setUint32(8, 0);
  const maxp = table('maxp').slice();
  new DataView(maxp.buffer).setUint16(4, count);

  const out = new Map<string, Uint8Array>([
    ['head', newHead],
    ['hhea', hhea],
    ['maxp', maxp],
    ['hmtx', newHmtx],
    ['loca', newLoca],
    ['glyf', newGlyf],
  ]);
  // Hinting programs are kept so glyphs render as designed; they do not depend on glyph ids.
  for (const tag of ['cvt ', 'fpgm', 'prep', 'OS/2', 'post', 'name'] as const) {
    if (!tables.has(tag)) continue;
    if (tag === 'post') {
      // A version 3 post table: no glyph names (they would refer to old ids).
      const post = table('post').slice(0, 32);
      new DataView(post.buffer, post.byteOffset).setUint32(0, 0x00030000);
      out.set(tag, post);
    } else out.set(tag, table(tag));
  }
  return writeFont(out);
}

function checksum(data: Uint8Array): number {
  const padded = new Uint8Array((data.length + 3) & ~3);
  padded.set(data);
  const view = new DataView(padded.buffer);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

function writeFont(tables: Map<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const headerLength = 12 + tags.length * 16;
  const total = tags.reduce((sum, tag) => sum + ((tables.get(tag)!.length + 3) & ~3), headerLength);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const n = tags.length;
  const entrySelector = Math.floor(Math.log2(n));
  view.setUint32(0, 0x00010000);
  view.setUint16(4, n);
  view.setUint16(6, 2 ** entrySelector * 16);
  view.setUint16(8, entrySelector);
  view.setUint16(10, n * 16 - 2 ** entrySelector * 16);
  let offset = headerLength;
  let headOffset = 0;
  tags.forEach((tag, i) => {
    const data = tables.get(tag)!;
    const record = 12 + i * 16;
    for (let c = 0; c < 4; c += 1) out[record + c] = tag.charCodeAt(c);
    view.setUint32(record + 4, checksum(data));
    view.setUint32(record + 8, offset);
    view.setUint32(record + 12, data.length);
    out.set(data, offset);
    if (tag === 'head') headOffset = offset;
    offset += (data.length + 3) & ~3;
  });
  view.setUint32(headOffset + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}
