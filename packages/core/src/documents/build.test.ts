import { describe, expect, it } from 'vitest';
import type { EvidenceItem } from '../evidence/item.js';
import { buildDocument, documentTexts, uncoveredCharacters } from './build.js';
import { DOCUMENT_KINDS, inlineText, type Block, type DocumentModel, type HideableField, type Inline } from './document-model.js';
import { FIXTURE_CASE, FIXTURE_EVIDENCE, fixtureInput } from './fixtures.js';
import { HIDEABLE_FIELDS, type DocumentInput } from './input.js';
import { CELL_LIMITS, fiveChannelPost, joinJa } from './kinds/common.js';
import { COMPLAINT_WORDING } from './kinds/criminal-complaint.js';
import { DEMAND_LETTER_WORDING } from './kinds/demand-letter.js';
import { DISCLOSURE_FORM, LEGITIMATE_REASON_LABELS, SENDER_INFO_LABELS } from './kinds/disclosure.js';
import { EVIDENCE_LIST_FORM, exhibitNumber } from './kinds/evidence-list.js';
import { TAKEDOWN_FORM } from './kinds/takedown.js';

const [X1, X2, FIVE_CH] = FIXTURE_EVIDENCE as [EvidenceItem, EvidenceItem, EvidenceItem];

/** All the text of a document (blocks and 別紙), optionally as the redacted copy. */
function allText(model: DocumentModel, hidden: ReadonlySet<HideableField> = new Set()): string {
  const out: string[] = [];
  const inl = (inlines: readonly Inline[]) => out.push(inlineText(inlines, hidden));
  const visit = (blocks: readonly Block[]) => {
    for (const block of blocks) {
      if (block.kind === 'title' || block.kind === 'heading') out.push(block.text);
      else if (block.kind === 'paragraph') inl(block.text);
      else if (block.kind === 'fields') block.rows.forEach((r) => (out.push(r.label), inl(r.value)));
      else if (block.kind === 'table') {
        block.columns.forEach((c) => out.push(c.label));
        block.rows.forEach((row) => row.forEach(inl));
      } else if (block.kind === 'checkboxes') {
        out.push(block.label);
        block.options.forEach((o) => out.push(`${o.checked ? '■' : '□'}${o.label}${o.detail ?? ''}`));
      } else if (block.kind === 'signature') inl(block.lines);
      else if (block.kind === 'grid') out.push(...block.lines);
    }
  };
  visit(model.blocks);
  model.annexes.forEach((a) => (out.push(a.title), visit(a.blocks)));
  return out.join('\n');
}

function tableOf(model: DocumentModel, firstColumn: string) {
  const table = model.blocks.find(
    (b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table' && b.columns[0]?.label === firstColumn,
  );
  if (!table) throw new Error(`no table starting with ${firstColumn}`);
  return table;
}

const build = (kind: Parameters<typeof buildDocument>[0], change: Partial<DocumentInput> = {}) =>
  buildDocument(kind, { ...fixtureInput(kind), ...change });

describe('every kind from the fixture case', () => {
  it.each(DOCUMENT_KINDS)('%s builds without errors, with blocks and a title', (kind) => {
    const model = build(kind);
    expect(model.errors).toEqual([]);
    expect(model.kind).toBe(kind);
    expect(model.blocks.length).toBeGreaterThan(0);
    expect(model.title).not.toBe('');
  });

  it('puts every post URL of the selection in each kind that lists posts', () => {
    for (const kind of ['takedown-request', 'disclosure-request', 'evidence-list', 'criminal-complaint', 'post-list', 'case-summary'] as const) {
      const text = allText(build(kind));
      for (const item of fixtureInput(kind).evidence) expect(text, kind).toContain(item.postUrl);
    }
  });
});

describe('侵害情報の通知書 兼 送信防止措置依頼書', () => {
  it('pins the form wording (テレサ書式, isplaw.jp)', () => {
    expect(TAKEDOWN_FORM.body).toBe(
      '貴社が管理する特定電気通信設備に掲載されている下記の情報の流通により私の権利が侵害されたので、当該情報の送信を防止する措置を講じるよう依頼します。',
    );
    expect(TAKEDOWN_FORM.declaration).toBe(
      '上記太枠内に記載された内容は、事実に相違なく、あなたから発信者にそのまま通知されることになることに同意いたします。',
    );
    expect(TAKEDOWN_FORM.verified).toBe(false);
  });

  it('has one row per post with place, content, right and reason, and the name consent unchecked', () => {
    const model = build('takedown-request');
    const table = tableOf(model, '番号');
    expect(table.columns.map((c) => c.label)).toEqual([...TAKEDOWN_FORM.columns]);
    expect(table.columns.reduce((sum, c) => sum + c.width, 0)).toBeCloseTo(1);
    expect(table.rows).toHaveLength(2);
    const [first] = table.rows;
    expect(inlineText(first![1]!)).toContain(X1.postUrl);
    expect(inlineText(first![2]!)).toBe(X1.text);
    expect(inlineText(first![3]!)).toBe('名誉権');
    expect(inlineText(first![4]!)).toContain('私が客の金を盗んだ事実はなく');
    expect(inlineText(table.rows[1]![3]!)).toBe('名誉感情');
    const consent = model.blocks.find((b) => b.kind === 'checkboxes');
    expect(consent).toMatchObject({ options: [{ checked: false }] });
    const text = allText(model);
    expect(text).toContain('X Corp.\u3000御中');
    expect(text).toContain('令和8年3月10日');
    expect(text).toContain('山田 花子\u3000印');
  });

  it('uses the rights and reason the requester states over those recorded on the item', () => {
    const model = build('takedown-request', {
      takedown: { consentToShowName: true, items: [{ itemId: X2.id, rights: ['名誉権', '名誉感情'], reason: '事実無根です。' }] },
    });
    const row = tableOf(model, '番号').rows[1]!;
    expect(inlineText(row[3]!)).toBe('名誉権、名誉感情');
    expect(inlineText(row[4]!)).toBe('事実無根です。');
    expect(model.blocks.find((b) => b.kind === 'checkboxes')).toMatchObject({ options: [{ checked: true }] });
  });
});

describe('発信者情報開示請求書', () => {
  it('pins the 正当理由 and the 施行規則2条 items', () => {
    expect(Object.values(LEGITIMATE_REASON_LABELS)).toEqual([
      '損害賠償請求権の行使のために必要であるため',
      '謝罪広告等の名誉回復措置の要請のために必要であるため',
      '差止請求権の行使のために必要であるため',
      '発信者に対する削除要求のために必要であるため',
      'その他（具体的に）',
    ]);
    expect(Object.values(SENDER_INFO_LABELS).map((l) => /（(?:施行規則2条|同)(\d)号）$/.exec(l)?.[1])).toEqual([
      '1', '2', '3', '4', '5', '6', '7', '8',
    ]);
    expect(DISCLOSURE_FORM.body('第5条第1項')).toContain(
      '特定電気通信による情報の流通によって発生する権利侵害等への対処に関する法律（以下「法」といいます。）第5条第1項に基づき',
    );
  });

  it('states the basis, checks the chosen boxes and lists the evidence with hashes', () => {
    const model = build('disclosure-request');
    const text = allText(model);
    expect(text).toContain('第5条第1項に基づき');
    expect(text).toContain('■損害賠償請求権の行使のために必要であるため');
    expect(text).toContain('□謝罪広告等の名誉回復措置の要請のために必要であるため');
    expect(text).toContain('■その他（具体的に）刑事告訴のために必要であるため');
    expect(text).toContain(`■${SENDER_INFO_LABELS['ip-port']}`);
    expect(text).toContain(`□${SENDER_INFO_LABELS['sim-id']}`);
    expect(text).toContain('■氏名（個人の場合に限る）');
    expect(text).toContain('□添付した証拠');
    expect(text).toContain(X1.files[0]!.sha256);
    expect(model.redactable).toBe(true);
    expect(build('disclosure-request', { disclosure: { ...FIXTURE_CASE.disclosure!, basis: '5-2', facilities: 'IP 192.0.2.1' } }).blocks.length).toBeGreaterThan(0);
  });

  it('marks only what the requester chose to hide, so the second copy lacks exactly that', () => {
    const model = build('disclosure-request');
    const all = new Set<HideableField>(HIDEABLE_FIELDS);
    const full = allText(model);
    const redacted = allText(model, all);
    expect(full).toContain('山田 花子');
    expect(full).toContain('私が客の金を盗んだ事実はなく');
    expect(redacted).not.toContain('山田 花子');
    expect(redacted).not.toContain('私が客の金を盗んだ事実はなく');
    expect(redacted).not.toContain('容姿をおとしめ');
    // evidence was not chosen: it stays in the poster's copy
    expect(redacted).toContain(X1.files[0]!.sha256);
  });

  it('hides the evidence list when chosen', () => {
    const model = build('disclosure-request', { disclosure: { ...FIXTURE_CASE.disclosure!, hide: ['evidence'] } });
    const redacted = allText(model, new Set(HIDEABLE_FIELDS));
    expect(redacted).not.toContain(X1.files[0]!.sha256);
    expect(redacted).toContain('山田 花子');
  });

  it('refuses to hide a company name, and needs the site-disclosed IP for an access provider', () => {
    const model = build('disclosure-request', {
      requester: { ...FIXTURE_CASE.requester, corporation: { name: '株式会社やまだ雑貨店', title: '代表取締役' } },
      disclosure: { ...FIXTURE_CASE.disclosure!, basis: '5-2', reasons: ['other'], otherReason: '', senderInfo: [] },
    });
    expect(model.blocks).toEqual([]);
    expect(model.errors.map((e) => e.field)).toEqual([
      'disclosure.otherReason',
      'disclosure.senderInfo',
      'disclosure.facilities',
      'disclosure.hide',
    ]);
  });
});

describe('通知書 for 内容証明郵便', () => {
  it('lays the letter on the 縦書き 20×26 grid with kanji numerals, one grid per page', () => {
    const model = build('demand-letter');
    expect(model.vertical).toBe(true);
    const grids = model.blocks.filter((b): b is Extract<Block, { kind: 'grid' }> => b.kind === 'grid');
    expect(grids.length).toBeGreaterThanOrEqual(1);
    for (const grid of grids) {
      expect(grid.layout).toEqual({ columns: 20, rows: 26, vertical: true });
      expect(grid.lines.length).toBeLessThanOrEqual(26);
    }
    const text = grids.flatMap((g) => g.lines).join('');
    expect(text).toContain('金五十万円');
    expect(text).toContain('十四日以内');
    expect(text).toContain('民法七百九条');
    expect(text).toContain('令和八年三月十日');
    expect(text).toContain('佐藤 一郎\u3000殿');
    expect(model.warnings.find((w) => w.code === 'naiyou.copies')?.message.ja).toContain('3通');
    // the accounts and the platform name are proper nouns: no Latin-letter warning for them
    expect(model.warnings.filter((w) => w.code.includes('latin')).map((w) => w.message.ja)).toEqual([]);
  });

  it('writes arabic numerals in a horizontal layout', () => {
    const model = build('demand-letter', { demandLetter: { ...FIXTURE_CASE.demandLetter!, layout: 'horizontal-26x20' } });
    expect(model.vertical).toBe(false);
    const text = allText(model).replace(/\n/g, '');
    expect(text).toContain('金500,000円');
    expect(text).toContain('14日以内');
  });

  it('cannot be finalised while the checker finds a violation (an emoji in a quoted post)', () => {
    const model = build('demand-letter', {
      evidence: [{ ...X2, text: 'ブスは店に立つな😡' }],
    });
    expect(model.blocks).toEqual([]);
    expect(model.errors.length).toBeGreaterThan(0);
    expect(model.errors[0]!.message.ja).toMatch(/^\d+行目\d+字目：/);
  });

  it('needs the recipient and at least one demand', () => {
    const model = build('demand-letter', {
      demandLetter: { ...FIXTURE_CASE.demandLetter!, recipient: { name: '', address: '' }, demands: { deletion: false, apology: false } },
    });
    expect(model.errors.map((e) => e.field)).toEqual([
      'demandLetter.recipient.name',
      'demandLetter.recipient.address',
      'demandLetter.demands',
    ]);
  });
});

describe('通知書 wording', () => {
  it('pins the legal basis and the closing (民法709条・710条)', () => {
    expect(DEMAND_LETTER_WORDING.legalBasis(false)).toBe('民法709条、710条');
    expect(DEMAND_LETTER_WORDING.legalBasis(true)).toBe('民法七百九条、七百十条');
    expect(DEMAND_LETTER_WORDING.closing).toBe('上記期限内に誠意あるご対応がない場合には、やむを得ず法的措置をとることを申し添えます。');
  });
});

describe('証拠説明書', () => {
  it('pins the columns (民事訴訟規則137条; standard form)', () => {
    expect(EVIDENCE_LIST_FORM.columns).toEqual(['号証', '標目', '原本・写しの別', '作成年月日', '作成者', '立証趣旨']);
    expect(EVIDENCE_LIST_FORM.rule).toBe('民事訴訟規則137条1項');
  });

  it('numbers exhibits with branch numbers when an item has several files', () => {
    const model = build('evidence-list');
    const table = tableOf(model, '号証');
    expect(table.rows.map((r) => inlineText(r[0]!))).toEqual(['甲1の1', '甲1の2', '甲2', '甲3の1', '甲3の2']);
    const first = table.rows[0]!.map((cell) => inlineText(cell));
    expect(first[1]).toContain(`URL：${X1.postUrl}`);
    expect(first[1]).toContain('取得日時：令和8年3月2日 10時30分');
    expect(first[2]).toBe('写し');
    expect(first[3]).toBe('令和8年3月1日');
    expect(first[4]).toBe('氏名不詳者（アカウント @kuchikomi_chosa）');
    expect(inlineText(table.rows[3]![4]!)).toBe('氏名不詳者（ID:Ab3dE9fG0）');
    expect(allText(model)).toContain('原告（申立人）\u3000山田 花子\u3000印');
  });

  it('continues from the first number and uses the party letter', () => {
    const model = build('evidence-list', { evidenceList: { party: '乙', firstNumber: 5 } });
    expect(tableOf(model, '号証').rows.map((r) => inlineText(r[0]!))).toEqual(['乙5の1', '乙5の2', '乙6', '乙7の1', '乙7の2']);
    expect(exhibitNumber('甲', 1, 2)).toBe('甲1の2');
  });

  it('refuses an item with no file to file', () => {
    const model = build('evidence-list', { evidence: [{ ...X2, files: [] }] });
    expect(model.errors).toMatchObject([{ code: 'document.no_exhibit_file', field: 'evidence.0.files' }]);
  });
});

describe('告訴状 (draft)', () => {
  it('pins the constituent acts and states penalties in 拘禁刑 wording', () => {
    expect(COMPLAINT_WORDING.defamation.article).toBe('刑法230条1項');
    expect(COMPLAINT_WORDING.insult.act).toBe('事実を摘示しないで、公然と告訴人を侮辱したものである。');
    const text = allText(build('criminal-complaint'));
    expect(text).toContain('3年以下の拘禁刑又は50万円以下の罰金');
    expect(text).toContain('1年以下の拘禁刑若しくは30万円以下の罰金又は拘留若しくは科料');
    expect(text).toContain('2年以下の拘禁刑又は30万円以下の罰金');
    expect(text).not.toMatch(/懲役|禁錮/);
    expect(text).toContain('名誉毀損罪（刑法230条1項）、侮辱罪（刑法231条）及び脅迫罪（刑法222条1項）');
  });

  it('names the accused 不詳 with the accounts, and says the period has not started', () => {
    const text = allText(build('criminal-complaint'));
    expect(text).toContain('被告訴人（氏名不詳）は、令和8年3月1日 21時04分（日本時間）頃');
    expect(text).toContain('@kuchikomi_chosa、ID:Ab3dE9fG0');
    expect(text).toContain('告訴人が犯人を知るまで進行しません');
  });

  it('computes the 告訴期間 with the Guide engine (刑訴法235条・55条: holidays move the last day)', () => {
    const model = build('criminal-complaint', {
      date: '2026-11-20',
      criminalComplaint: { ...FIXTURE_CASE.criminalComplaint!, accused: { name: '佐藤 一郎' }, knownSince: '2026-11-02' },
    });
    expect(allText(model)).toContain('告訴人が犯人を知った日は令和8年11月2日であり、名誉毀損罪及び侮辱罪の告訴期間');
    // 起算日 11-03 → last day 2027-05-02 (Sunday) → 05-03..05 holidays → 05-06
    expect(allText(model)).toContain('末日は令和9年5月6日です');
    expect(model.warnings).toEqual([]);
  });

  it('warns when the period has passed, and needs the day the accused became known', () => {
    const late = build('criminal-complaint', {
      date: '2027-06-01',
      criminalComplaint: { ...FIXTURE_CASE.criminalComplaint!, accused: { name: '佐藤 一郎' }, knownSince: '2026-11-02' },
    });
    expect(late.warnings.map((w) => w.code)).toEqual(['document.complaint_period_passed']);
    const missing = build('criminal-complaint', {
      criminalComplaint: { ...FIXTURE_CASE.criminalComplaint!, accused: { name: '佐藤 一郎' } },
    });
    expect(missing.errors.map((e) => e.field)).toEqual(['criminalComplaint.knownSince']);
  });

  it('says a threat alone has no complaint period', () => {
    const model = build('criminal-complaint', {
      evidence: [FIVE_CH],
      criminalComplaint: { addressee: '警視庁世田谷警察署長', offences: ['threat'] },
    });
    expect(allText(model)).toContain('脅迫罪は親告罪ではなく、告訴期間（刑事訴訟法235条）の制限はありません。');
  });
});

describe('投稿記事目録 / 権利侵害の説明', () => {
  it('converts a UTC post time to Japan time and keeps the time as shown', () => {
    const text = allText(build('post-list'));
    expect(text).toContain('令和8年3月1日 21時04分（日本時間）');
    expect(text).toContain('2026-03-01 12:04:00 UTC');
    expect(text).toContain('令和8年3月2日 8時15分（日本時間）');
  });

  it('writes 西暦 when asked', () => {
    const text = allText(build('post-list', { dateStyle: 'seireki' }));
    expect(text).toContain('2026年3月1日 21時04分（日本時間）');
  });

  it('gives the 5ちゃんねる thread and post number', () => {
    expect(fiveChannelPost(FIVE_CH.postUrl)).toEqual({ board: 'shop', thread: '1767225600', post: '123' });
    expect(allText(build('post-list'))).toContain('板 shop\u3000スレッド 1767225600\u3000レス番号 123');
  });

  it('warns when a UTC time has no instant to convert', () => {
    const model = build('post-list', {
      evidence: [{ ...X1, postedAt: { asShown: '2026-03-01 12:04 UTC', timeZone: 'UTC' } }],
    });
    expect(model.warnings.map((w) => w.code)).toEqual(['document.post_time_not_converted']);
  });
});

describe('case summary for a lawyer', () => {
  it('holds facts, wishes, timeline, every file hash, the assessment and the deadlines', () => {
    const text = allText(build('case-summary'));
    for (const item of FIXTURE_EVIDENCE) for (const file of item.files) expect(text).toContain(file.sha256);
    expect(text).toContain('投稿者は分かっていません');
    expect(text).toContain('投稿を削除してほしい');
    expect(text).toContain('みまもるに相談');
    expect(text).toContain('名誉毀損（該当する可能性が高い）');
    expect(text).toContain('通信記録（ログ）の保存期間の目安：携帯回線');
    expect(text).toContain('令和8年5月31日');
  });

  it('falls back to the Guide goals for the wishes', () => {
    const text = allText(build('case-summary', { wishes: undefined }));
    expect(text).toContain('投稿者を特定したい');
  });
});

describe('validation', () => {
  it('lists every missing field and builds nothing', () => {
    const model = buildDocument('takedown-request', {
      date: '2026-03-10',
      requester: { name: ' ', address: '' },
      evidence: [{ ...X1, text: undefined, legal: undefined }],
    });
    expect(model.blocks).toEqual([]);
    expect(model.annexes).toEqual([]);
    expect(model.errors.map((e) => e.field)).toEqual([
      'requester.name',
      'requester.address',
      'requester.phone',
      'addressee.name',
      'takedown.consentToShowName',
      'evidence.0.text',
      'evidence.0.legal.rights',
      'evidence.0.legal.context',
    ]);
    for (const error of model.errors) {
      expect(error.message.ja).not.toBe('');
      expect(error.message.en).not.toBe('');
    }
  });

  it('needs at least one post, and reports claims for unselected items', () => {
    expect(build('post-list', { evidence: [] }).errors.map((e) => e.code)).toEqual(['document.no_evidence']);
    const model = build('post-list', { postList: { items: [{ itemId: 'nope', reason: 'x' }] } });
    expect(model.errors).toMatchObject([{ code: 'document.unknown_item', field: 'postList.items.0.itemId' }]);
  });

  it('refuses a date that does not exist', () => {
    expect(build('case-summary', { date: '2026-02-30' }).errors).toMatchObject([{ code: 'document.date_invalid', field: 'date' }]);
  });
});

describe('別紙 for text longer than a cell', () => {
  const long = `${'投稿者は私の店について虚偽の事実を書き続けています。'.repeat(20)}最後の一文。`;

  it('moves the whole text to a 別紙 and refers to it, never cutting it', () => {
    expect([...long].length).toBeGreaterThan(CELL_LIMITS.reason);
    const model = build('takedown-request', { takedown: { consentToShowName: false, items: [{ itemId: X1.id, reason: long }] } });
    const cell = tableOf(model, '番号').rows[0]![4]!;
    expect(inlineText(cell)).toBe('別紙1のとおり');
    expect(model.annexes).toHaveLength(1);
    expect(model.annexes[0]!.title).toBe('別紙1\u3000投稿1 権利が侵害されたとする理由');
    const annexText = model.annexes[0]!.blocks.map((b) => (b.kind === 'paragraph' ? inlineText(b.text) : '')).join('');
    expect(annexText).toBe(long);
  });

  it('keeps a hidden field hidden in its 別紙', () => {
    const model = build('disclosure-request', {
      disclosure: { ...FIXTURE_CASE.disclosure!, items: [{ itemId: X1.id, reason: long }] },
    });
    expect(allText(model)).toContain('最後の一文。');
    expect(allText(model, new Set(HIDEABLE_FIELDS))).not.toContain('最後の一文。');
    expect(allText(model, new Set(HIDEABLE_FIELDS))).toContain('別紙1のとおり');
  });

  it('numbers several 別紙 in order', () => {
    const model = build('evidence-list', {
      evidenceList: { party: '甲', items: [{ itemId: X2.id, purpose: long }, { itemId: FIVE_CH.id, purpose: long }] },
    });
    expect(model.annexes.map((a) => a.title)).toEqual(['別紙1\u3000甲2 立証趣旨', '別紙2\u3000甲3の1 立証趣旨', '別紙3\u3000甲3の2 立証趣旨']);
  });
});

describe('hooks and helpers', () => {
  it('reports characters the renderer cannot draw, once each, with where they stand', () => {
    const model = build('post-list', { evidence: [{ ...X2, text: '消えろ𠮷' }] });
    const messages = uncoveredCharacters(model, (cp) => cp < 0x20000);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ code: 'document.character_not_in_font' });
    expect(messages[0]!.message.ja).toContain('U+20BB7');
    expect(documentTexts(model).some((run) => run.text.includes('𠮷'))).toBe(true);
  });

  it('joins lists as legal prose', () => {
    expect(joinJa(['A'])).toBe('A');
    expect(joinJa(['A', 'B'])).toBe('A及びB');
    expect(joinJa(['A', 'B', 'C'])).toBe('A、B及びC');
  });
});
