/**
 * What every detector receives and returns, and the shared lexical scorer. A detector is
 * `(scan, original, context) → { score, spans, rules, evidence }`: `scan` holds the normalised text (with its map
 * back to the original), the lexicon matches and the context markers found in one pass; `original` is the post.
 *
 * Scoring (documented for review; weights in wordlists/*.ts):
 *   p(match) = weight(rule) × Π context multipliers × target multiplier, capped at 0.99;
 *   matches on the same characters count once (the stronger), a match inside a longer one is dropped;
 *   overlapping matches form one piece of evidence worth their strongest p;
 *   category score = noisy-or over those pieces, 1 − Π(1 − p).
 * Context multipliers (CONTEXT_MULTIPLIERS) are calibrated on the eval development split.
 */
import type { AnalysisCategory, AnalysisContext, AnalysisSpan } from '../types.js';
import type { ContextKind } from '../wordlists/context-words.js';
import { MAX_MATCHES, type Match } from '../matcher.js';
import { toOriginalRange, type NormalizedText } from '../normalize.js';

export interface PostScan {
  readonly original: string;
  readonly norm: NormalizedText;
  /** Lexicon matches whose category is a scored category. */
  readonly matches: readonly Match[];
  /** Context marker matches by kind. */
  readonly markers: Readonly<Record<ContextKind, readonly Match[]>>;
  /** Normalised ranges where the victim's names or handles occur. */
  readonly victimMentions: readonly { readonly start: number; readonly end: number; readonly kind: 'name' | 'handle' }[];
  /** The post addresses someone: second person, 「この人」 or an @mention. */
  readonly addressed: boolean;
  /** A person is named in the third person (a name with さん/氏/社長 …, 「〜って人」). */
  readonly named: boolean;
  /** The post starts as a repost (RT @…) or says it quotes (引用). */
  readonly repost: boolean;
}

export interface Evidence {
  /** Original offsets. */
  readonly start: number;
  readonly end: number;
  readonly rule: string;
  readonly p: number;
}

export interface DetectorResult {
  readonly score: number;
  readonly spans: readonly AnalysisSpan[];
  readonly rules: readonly string[];
  /** Spans with their contribution, strongest first (used for explanations). */
  readonly evidence: readonly Evidence[];
}

export type Detector = (scan: PostScan, original: string, context: AnalysisContext) => DetectorResult;

export const CONTEXT_MULTIPLIERS = {
  /** 「死ねとは言ってない」: the phrase is mentioned, not used. */
  negation: 0.2,
  /** 「死ねって言われた」: the poster reports what was said to them. */
  reported: 0.25,
  /** Inside 「…」 without a reporting verb: someone else's words, quoted. */
  quoted: 0.6,
  /** RT/引用 of another's post: spreading still counts (reposts can be torts), but less. */
  repost: 0.7,
  /** News register (容疑者, 報道) for defamation/threat/insult: reporting, not accusing. */
  news: 0.3,
  /** Banter markers (w, 笑, 草) when the victim is not named. */
  banter: 0.6,
  /** Self-directed (私ってバカ). */
  self: 0.25,
  /** Defamation stated as opinion or suspicion (と思う, かも). */
  opinion: 0.65,
  /** Defamation stated as fact (実は, がバレた, してる). */
  assertion: 1.3,
  /** Defamation with no identifiable person addressed or named. */
  noTarget: 0.85,
  /** Defamation words in a sentence about a protected group (see discrimination), with nobody addressed. */
  group: 0.5,
  /** The post addresses someone (お前, こいつ, @mention). */
  addressed: 1.3,
  /** Defamation/privacy about a person named in the third person (加藤は…, 山口って子). */
  named: 1.15,
  /** The victim's name or handle occurs in the post. */
  victim: 1.5,
} as const;

const SENTENCE_END = new Set([...'。!?\n'].map((c) => c.charCodeAt(0)));

function sameSentence(text: string, from: number, to: number): boolean {
  for (let i = Math.max(0, from); i < Math.min(to, text.length); i++) {
    if (SENTENCE_END.has(text.charCodeAt(i))) return false;
  }
  return true;
}

/** A marker starting within `window` characters after the match, in the same sentence. */
function markerAfter(scan: PostScan, kind: ContextKind, m: Match, window: number): boolean {
  for (const k of scan.markers[kind]) {
    if (k.start >= m.end && k.start - m.end <= window && sameSentence(scan.norm.text, m.end, k.start)) return true;
  }
  return false;
}

/** Context is looked for this far (normalised characters) around a match, keeping long posts linear. */
const CONTEXT_REACH = 120;

function markerInSentence(scan: PostScan, kind: ContextKind, m: Match): boolean {
  for (const k of scan.markers[kind]) {
    if (k.start === m.start && k.end === m.end) continue;
    if (k.start > m.end + CONTEXT_REACH || k.end < m.start - CONTEXT_REACH) continue;
    const [a, b] = k.start < m.start ? [k.end, m.start] : [m.end, k.start];
    if (sameSentence(scan.norm.text, a, b)) return true;
  }
  return false;
}

/** Commas, spaces and intensifiers (うち、ほんまアホ; 私マジでバカ) do not separate a marker from the word it governs. */
const FILLER = /[、,\s]|ほんまに|ほんま|ほんとに|ほんと|本当に|本当|マジで|まじで|マジ|まじ|めっちゃ|超|すごく|とても|かなり|もう/g;

function markerBefore(scan: PostScan, kind: ContextKind, m: Match, window: number): boolean {
  for (const k of scan.markers[kind]) {
    if (k.end > m.start) continue;
    if (m.start - k.end <= window) return true;
    if (m.start - k.end <= window + 12 && scan.norm.text.slice(k.end, m.start).replace(FILLER, '').length <= window) return true;
  }
  return false;
}

export function insideQuote(text: string, pos: number): boolean {
  let depth = 0;
  for (let i = pos - 1; i >= Math.max(0, pos - CONTEXT_REACH); i--) {
    const c = text[i];
    if (c === '」' || c === '』' || c === '”') depth++;
    else if (c === '「' || c === '『' || c === '“') {
      if (depth === 0) return true;
      depth--;
    } else if (c === '\n') return false;
  }
  return false;
}

/** Context and target multipliers for one match of `category`. */
export function contextFactor(scan: PostScan, m: Match, category: AnalysisCategory): number {
  const text = scan.norm.text;
  let f = 1;
  if (markerAfter(scan, 'negation', m, 14)) f *= CONTEXT_MULTIPLIERS.negation;
  const quoted = insideQuote(text, m.start);
  if (markerAfter(scan, 'reported', m, quoted ? 40 : 6)) f *= CONTEXT_MULTIPLIERS.reported;
  else if (quoted) f *= CONTEXT_MULTIPLIERS.quoted;
  if (scan.repost) f *= CONTEXT_MULTIPLIERS.repost;
  const victim = scan.victimMentions.length > 0;
  if (!victim && scan.markers.news.length > 0 && (category === 'defamation' || category === 'threat' || category === 'insult')) {
    if (!scan.addressed) f *= CONTEXT_MULTIPLIERS.news;
  }
  if (!victim && scan.markers.banter.length > 0 && category !== 'privacy' && category !== 'threat') {
    f *= CONTEXT_MULTIPLIERS.banter;
  }
  if ((category === 'insult' || category === 'defamation' || category === 'sexual') && markerBefore(scan, 'self', m, 3)) {
    f *= CONTEXT_MULTIPLIERS.self;
  }
  if (category === 'defamation') {
    if (markerInSentence(scan, 'opinion', m)) f *= CONTEXT_MULTIPLIERS.opinion;
    else if (markerInSentence(scan, 'assertion', m)) f *= CONTEXT_MULTIPLIERS.assertion;
    if (!victim && !scan.addressed && !scan.named) f *= CONTEXT_MULTIPLIERS.noTarget;
    // 「ベトナム人ってみんな泥棒」 speaks of a protected group: discrimination, not a fact about an identifiable person.
    if (!victim && !scan.addressed && scan.markers.group.length > 0) f *= CONTEXT_MULTIPLIERS.group;
  }
  if (victim) f *= CONTEXT_MULTIPLIERS.victim;
  else if (scan.addressed) f *= CONTEXT_MULTIPLIERS.addressed;
  else if (scan.named && (category === 'defamation' || category === 'privacy')) f *= CONTEXT_MULTIPLIERS.named;
  return f;
}

/** Builds a detector result from (normalised match, probability) pairs. */
export function combine(
  scan: PostScan,
  category: AnalysisCategory,
  items: readonly { start: number; end: number; rule: string; p: number }[],
): DetectorResult {
  if (items.length === 0) return EMPTY;
  // Two rules on the same characters are one piece of evidence: keep the stronger. (k is small: plain arrays.)
  const evidence: Evidence[] = [];
  for (const it of items.length > MAX_MATCHES ? items.slice(0, MAX_MATCHES) : items) {
    const p = Math.min(0.99, Math.max(0, it.p));
    if (p <= 0) continue;
    const [start, end] = toOriginalRange(scan.norm, it.start, it.end);
    if (end <= start) continue;
    const same = evidence.findIndex((e) => e.start === start && e.end === end);
    if (same < 0) evidence.push({ start, end, rule: it.rule, p });
    else if ((evidence[same]?.p ?? 0) < p) evidence[same] = { start, end, rule: it.rule, p };
  }
  if (evidence.length === 0) return EMPTY;
  evidence.sort((a, b) => b.p - a.p || a.start - b.start);
  const kept = dropContained(evidence);
  // Overlapping spans (で逮捕 / 逮捕された) are one piece of evidence for the score: the strongest counts.
  const byStart = kept.length > 1 ? [...kept].sort((a, b) => a.start - b.start) : kept;
  let miss = 1;
  let clusterEnd = -1;
  let clusterMax = 0;
  for (const e of byStart) {
    if (e.start < clusterEnd) {
      clusterMax = Math.max(clusterMax, e.p);
      clusterEnd = Math.max(clusterEnd, e.end);
      continue;
    }
    miss *= 1 - clusterMax;
    clusterMax = e.p;
    clusterEnd = e.end;
  }
  miss *= 1 - clusterMax;
  return {
    score: round(1 - miss),
    spans: kept.map((e) => ({ start: e.start, end: e.end, category, rule: e.rule })).sort((a, b) => a.start - b.start || a.end - b.end),
    rules: [...new Set(kept.map((e) => e.rule))],
    evidence: kept,
  };
}

/**
 * A detector's lexical result with more evidence from its own rules (discrimination's group attacks, sexual's
 * cue + request): the two scores combine as a noisy-or, spans and evidence are joined.
 */
export function withMoreEvidence(
  scan: PostScan,
  category: AnalysisCategory,
  base: DetectorResult,
  items: readonly { start: number; end: number; rule: string; p: number }[],
): DetectorResult {
  if (items.length === 0) return base;
  const extra = combine(scan, category, items);
  const score = 1 - (1 - base.score) * (1 - extra.score);
  return {
    score: round(score),
    spans: [...base.spans, ...extra.spans],
    rules: [...base.rules, ...extra.rules],
    evidence: [...base.evidence, ...extra.evidence].sort((a, b) => b.p - a.p),
  };
}

/** Keeps the longest of overlapping spans (殺す inside 殺してやる). */
function dropContained(evidence: readonly Evidence[]): Evidence[] {
  const out: Evidence[] = [];
  for (const e of evidence) {
    const containedIn = out.findIndex((o) => o.start <= e.start && o.end >= e.end);
    if (containedIn >= 0) continue;
    for (let i = out.length - 1; i >= 0; i--) {
      const o = out[i];
      if (o !== undefined && e.start <= o.start && e.end >= o.end && e.p >= o.p) out.splice(i, 1);
    }
    out.push(e);
  }
  return out;
}

export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export const EMPTY: DetectorResult = { score: 0, spans: [], rules: [], evidence: [] };

/** The lexical detector for one category: its lexicon matches, weighted by context. */
export function lexicalDetector(category: AnalysisCategory): Detector {
  return (scan) => {
    if (!scan.matches.some((m) => m.compiled.entry.category === category)) return EMPTY;
    const items: { start: number; end: number; rule: string; p: number }[] = [];
    for (const m of scan.matches) {
      if (m.compiled.entry.category !== category) continue;
      const maskPenalty = m.masked > 0 ? 0.9 : 1;
      items.push({ start: m.start, end: m.end, rule: m.compiled.entry.rule, p: m.compiled.entry.weight * maskPenalty * contextFactor(scan, m, category) });
    }
    return combine(scan, category, items);
  };
}
