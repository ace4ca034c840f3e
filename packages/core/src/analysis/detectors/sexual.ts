/**
 * Sexual harassment: sexual demands and comments aimed at a person; sexual vocabulary alone weighs little.
 * Besides the lexicon (wordlists/lexicon.ts, frames.ts), a sexual cue (context marker `sexualcue` in
 * wordlists/context-words.ts: 裸, 下着, 太もも, ベッドの上 …) followed in the same sentence, a few words later, by a
 * request or a desire (想像してる, 見せて, 送って, 売ってよ, 挟んでほしい) is a sexual demand even when the words are not
 * adjacent (「その太ももで顔挟んでほしい」). Desire list: written by the mimamoru project (2026-11-30); licence: same as
 * mimamoru.
 */
import { normalizeText } from '../normalize.js';
import { contextFactor, lexicalDetector, withMoreEvidence, type Detector } from './detector.js';

const lexical = lexicalDetector('sexual');

const escape = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const DESIRES = [
  '想像して', '想像した', '見たい', '見せて', '見せろ', '送って', '送れ', '売ってくれ', '売ってよ', '売って?', '売ってほしい', '挟んで', '挟まれ', '聞きたい', '聞かせて', 'ちょうだい', '撮らせ',
  '脱いで', '脱げ', '触らせ', '触りたい', '嗅ぎたい', '嗅がせ', '舐めたい', '舐めさせ', 'してよ', 'で配信して', '着てきて', '着て配信', '声出して', '声聞かせて', 'どうなってるか見',
  '買いたい', '買わせて', 'どうなってん', 'どうなってる',
];
/** A sexual act named by the textlint list (wordlists/lexicon.ts: sexual.textlint) and asked for: 〜してほしい, 〜させろ, 〜しよ. */
const ACTS = ['してほしい', 'して欲しい', 'してよ', 'してくれ', 'してください', 'してあげる', 'してあげよ', 'してやる', 'させて', 'させろ', 'させたい', 'したい', 'しよ', 'しない?', 'しようぜ'];
const ACT_REQUEST = new RegExp(`^(?:${ACTS.map((w) => normalizeText(w).text).sort((a, b) => b.length - a.length).map(escape).join('|')})`);
const ACT_WEIGHT = 0.6;
/** A desire within 12 characters of the cue, in the same sentence. */
const DESIRE_AFTER = new RegExp(
  `^[^。!?\\n]{0,12}?(?:${DESIRES.map((w) => normalizeText(w).text).sort((a, b) => b.length - a.length).map(escape).join('|')})`,
);
const WEIGHT = 0.55;

export const detectSexual: Detector = (scan, original, context) => {
  const base = lexical(scan, original, context);
  const text = scan.norm.text;
  const items: { start: number; end: number; rule: string; p: number }[] = [];
  for (const m of scan.matches) {
    if (m.compiled.entry.rule !== 'sexual.textlint') continue;
    const act = ACT_REQUEST.exec(text.slice(m.end, m.end + 8));
    if (act === null) continue;
    const span = { start: m.start, end: m.end + act[0].length, masked: m.masked, compiled: PSEUDO };
    items.push({ start: span.start, end: span.end, rule: 'sexual.act-request', p: ACT_WEIGHT * contextFactor(scan, span, 'sexual') });
  }
  if (scan.markers.sexualcue.length === 0 && items.length === 0) return base;
  for (const cue of scan.markers.sexualcue) {
    const m = DESIRE_AFTER.exec(text.slice(cue.end, cue.end + 40));
    if (m === null) continue;
    const end = cue.end + m[0].length;
    const span = { start: cue.start, end, masked: 0, compiled: PSEUDO };
    items.push({ start: cue.start, end, rule: 'sexual.cue-request', p: WEIGHT * contextFactor(scan, span, 'sexual') });
  }
  return withMoreEvidence(scan, 'sexual', base, items);
};

const PSEUDO = { entry: { rule: 'sexual.cue-request', category: 'sexual', terms: [], weight: 0 }, pattern: '', kanaBoundary: false, asciiStart: false, asciiEnd: false, notAfterKanji: false, except: [] } as const;
