/** Discriminatory attacks on nationality, ethnicity, origin (部落), gender, sexuality or disability: slurs and exclusion frames (「○○人は出て行け」). */
import { contextFactor, lexicalDetector, withMoreEvidence, type Detector } from './detector.js';

const lexical = lexicalDetector('discrimination');
const SENTENCE_END = /[。!?\n]/;
/** A sentence naming a protected group with a hostile predicate (「障害者は税金の無駄」) is an attack on the group. */
const GROUP_ATTACK = 0.72;
const HOSTILE_CATEGORIES = new Set(['insult', 'threat', 'self-harm-incitement']);

export const detectDiscrimination: Detector = (scan, original, context) => {
  const base = lexical(scan, original, context);
  if (scan.markers.group.length === 0) return base;
  const text = scan.norm.text;
  const hostile = [
    ...scan.markers.hostile,
    ...scan.matches.filter((m) => HOSTILE_CATEGORIES.has(m.compiled.entry.category)),
  ];
  const items: { start: number; end: number; rule: string; p: number }[] = [];
  for (const g of scan.markers.group) {
    for (const h of hostile) {
      // The group word itself is not its own hostile predicate (精神病院 contains 精神病).
      if (h.start < g.end && g.start < h.end) continue;
      const from = Math.min(g.start, h.start);
      const to = Math.max(g.end, h.end);
      if (to - from > 40 || SENTENCE_END.test(text.slice(Math.min(g.end, h.end), Math.max(g.start, h.start)))) continue;
      // Quotation, reported speech and negation around either part count: 「国に帰れ」と言われた留学生 reports an attack.
      const factor = Math.min(contextFactor(scan, g, 'discrimination'), contextFactor(scan, h, 'discrimination'));
      items.push({ start: from, end: to, rule: 'discrimination.group-attack', p: GROUP_ATTACK * factor });
    }
  }
  return withMoreEvidence(scan, 'discrimination', base, items);
};
