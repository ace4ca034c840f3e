/**
 * analyzePost: one post → category scores, labels, spans on the original text and a legal explanation.
 * Pure and synchronous; runs in Node and in a browser Web Worker. The lexicon is compiled once on first use.
 *
 * Overall score (for ranking) = max category score + 0.25 × (noisy-or of all categories − max), so a post with
 * several kinds of abuse ranks just above one with only its worst kind. Category scoring: detectors/detector.ts.
 */
import { CONTEXT_ENTRIES, type ContextKind } from './wordlists/context-words.js';
import { FRAME_ENTRIES } from './wordlists/frames.js';
import { ALL_ENTRIES, PRIVACY_ENTRIES } from './wordlists/lexicon.js';
import { insideQuote, round, type Detector, type DetectorResult, type PostScan } from './detectors/detector.js';
import { detectDefamation } from './detectors/defamation.js';
import { detectDiscrimination } from './detectors/discrimination.js';
import { detectInsult } from './detectors/insult.js';
import { detectPrivacy } from './detectors/privacy.js';
import { detectSelfHarmIncitement } from './detectors/self-harm-incitement.js';
import { detectSexual } from './detectors/sexual.js';
import { detectThreat } from './detectors/threat.js';
import { explainLabels } from './explain.js';
import { compileMatcher, findMatches, type Match, type Matcher } from './matcher.js';
import { normalizeText, normalizeTransient, type NormalizedText } from './normalize.js';
import {
  ANALYSIS_CATEGORIES,
  DEFAULT_LABEL_THRESHOLD,
  type AnalysisCategory,
  type AnalysisContext,
  type AnalysisOptions,
  type AnalysisSpan,
  type PostAnalysis,
} from './types.js';

export const DETECTORS: Readonly<Record<AnalysisCategory, Detector>> = {
  insult: detectInsult,
  defamation: detectDefamation,
  threat: detectThreat,
  privacy: detectPrivacy,
  sexual: detectSexual,
  discrimination: detectDiscrimination,
  'self-harm-incitement': detectSelfHarmIncitement,
};

const CONTEXT_KINDS: readonly ContextKind[] = [
  'target', 'negation', 'reported', 'news', 'banter', 'opinion', 'assertion', 'self', 'group', 'hostile', 'sexualcue',
];

let matcher: Matcher | undefined;
function getMatcher(): Matcher {
  matcher ??= compileMatcher([...ALL_ENTRIES, ...FRAME_ENTRIES, ...PRIVACY_ENTRIES, ...CONTEXT_ENTRIES]);
  return matcher;
}

const NO_VICTIM: { names: string[]; handles: string[] } = Object.freeze({ names: [], handles: [] }) as never;

/** Victim names/handles normalised once per distinct context (bulk runs pass the same one for every post). */
const victimCache = new Map<string, { names: string[]; handles: string[] }>();
function victimTerms(context: AnalysisContext): { names: string[]; handles: string[] } {
  const names = context.victimNames ?? [];
  const handles = context.victimHandles ?? [];
  if (names.length === 0 && handles.length === 0) return NO_VICTIM;
  const key = JSON.stringify([names, handles]);
  let hit = victimCache.get(key);
  if (hit === undefined) {
    const norm = (s: string): string => normalizeText(s.trim()).text;
    hit = {
      names: names.map(norm).filter((s) => s.length >= 2),
      handles: handles.map((h) => norm(h.replace(/^@/, ''))).filter((s) => s.length >= 2),
    };
    if (victimCache.size > 32) victimCache.clear();
    victimCache.set(key, hit);
  }
  return hit;
}

const MENTION = /@[a-z0-9_]{1,30}/;
const NAMED = new RegExp(
  [
    '[\\u4e00-\\u9fff\\u3041-\\u309f]{1,6}(?:さん|氏|くん|ちゃん|社長|店長|先生|議員|選手|って人|という人|って子|って女|って男|って奴|ってやつ|って野郎)',
    '(?:^|[、。\\s])[\\u4e00-\\u9fff]{2,10}(?:は|って|が)',
    '(?:この|あの|ここの|そこの|近所の|隣の|うちの)[^、。\\s]{1,10}?(?:は|、|って|が)',
    // A person identified by their relation to the writer (元カレは, 上司が, 担任って).
    '(?:元かれ|元かの|元彼|元嫁|元夫|元妻|元旦那|旦那|上司|同僚|先輩|後輩|担任|店長|社長|院長|課長|部長|教授|おーなー)(?:は|って|が|、)',
  ].join('|'),
);
const REPOST = /^(?:rt ?@|qt ?@|引用)|引用rt/;

/**
 * Normalises and scans one post: lexicon matches, context markers, victim mentions. The scan's offset arrays are
 * reused by the next call (see normalizeTransient): use it before scanning another post.
 */
export function scanPost(original: string, context: AnalysisContext = {}): PostScan {
  const compiled = getMatcher();
  const { names, handles } = victimTerms(context);
  const norm: NormalizedText = normalizeTransient(original);
  const all = findMatches(norm, compiled);
  const matches: Match[] = [];
  // Most posts have no context markers, and a post with some has few kinds: every kind shares one frozen empty
  // list until a marker of that kind turns up.
  let markers: Record<ContextKind, Match[]> = NO_MARKERS;
  for (const m of all) {
    const cat = m.compiled.entry.category;
    if (CONTEXT_KIND_SET.has(cat)) {
      const kind = cat as ContextKind;
      if (markers === NO_MARKERS) markers = { ...NO_MARKERS };
      let list = markers[kind];
      if (list === NO_MATCHES) markers[kind] = list = [];
      list.push(m);
    } else matches.push(m);
  }
  let victimMentions: { start: number; end: number; kind: 'name' | 'handle' }[] = NO_MENTIONS;
  if (names.length > 0 || handles.length > 0) {
    victimMentions = [];
    findTerms(norm.text, names, 'name', victimMentions);
    findTerms(norm.text, handles, 'handle', victimMentions);
  }
  return new Scan(original, norm, matches, markers, victimMentions);
}

const NO_MENTIONS: { start: number; end: number; kind: 'name' | 'handle' }[] = Object.freeze([]) as never;

/** A PostScan; `named` is worked out only when a detector asks (defamation and privacy, on few posts). */
class Scan implements PostScan {
  readonly addressed: boolean;
  readonly repost: boolean;
  private isNamed: boolean | undefined;

  constructor(
    readonly original: string,
    readonly norm: NormalizedText,
    readonly matches: Match[],
    readonly markers: Record<ContextKind, Match[]>,
    readonly victimMentions: { start: number; end: number; kind: 'name' | 'handle' }[],
  ) {
    const text = norm.text;
    // 「お前の家知ってる」と書き込んだ男: a second person inside a quotation addresses nobody.
    this.addressed =
      markers.target.some((m) => !insideQuote(text, m.start)) || (text.includes('@') && MENTION.test(text));
    this.repost = REPOST.test(text);
  }

  get named(): boolean {
    this.isNamed ??= NAMED.test(this.norm.text);
    return this.isNamed;
  }
}

function findTerms(
  text: string,
  terms: readonly string[],
  kind: 'name' | 'handle',
  out: { start: number; end: number; kind: 'name' | 'handle' }[],
): void {
  for (const term of terms) {
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length))
      out.push({ start: at, end: at + term.length, kind });
  }
}

/** The one empty marker list (frozen), and the record of markers of a post that has none. */
const NO_MATCHES: Match[] = Object.freeze([]) as never;
const NO_MARKERS: Record<ContextKind, Match[]> = Object.freeze(
  Object.fromEntries(CONTEXT_KINDS.map((k) => [k, NO_MATCHES])),
) as Record<ContextKind, Match[]>;
const CONTEXT_KIND_SET: ReadonlySet<string> = new Set(CONTEXT_KINDS);

/** Analyses one post; see types.ts for the result's shape. Never throws on any string input. */
export function analyzePost(text: string, options: AnalysisOptions = {}): PostAnalysis {
  const threshold = options.threshold ?? DEFAULT_LABEL_THRESHOLD;
  const scan = scanPost(text, options);
  // Most posts match no word of the lexicon: then only the privacy patterns (phone numbers, addresses …) can
  // score — unless a group word (discrimination) or a sexual cue (sexual) is there, the two markers a detector
  // builds on without a lexicon match — and a post they miss too gets the one shared all-zero result.
  let privacy: DetectorResult | undefined;
  if (scan.matches.length === 0 && scan.markers.group.length === 0 && scan.markers.sexualcue.length === 0) {
    privacy = DETECTORS.privacy(scan, text, options);
    if (privacy.score === 0 && privacy.spans.length === 0) return NOTHING_FOUND;
  }
  const categories = {} as Record<AnalysisCategory, number>;
  let spans: AnalysisSpan[] = NO_SPANS;
  const labels: AnalysisCategory[] = [];
  let labelled: { category: AnalysisCategory; phrases: string[] }[] | undefined;
  for (const category of ANALYSIS_CATEGORIES) {
    const result =
      category === 'privacy' && privacy !== undefined ? privacy : DETECTORS[category](scan, text, options);
    categories[category] = result.score;
    if (result.spans.length > 0) {
      if (spans === NO_SPANS) spans = [];
      for (const span of result.spans) spans.push(span);
    }
    if (result.score >= threshold && result.score > 0) {
      labels.push(category);
      (labelled ??= []).push({ category, phrases: result.evidence.map((e) => text.slice(e.start, e.end)) });
    }
  }
  if (spans.length > 1) spans.sort((a, b) => a.start - b.start || a.end - b.end);
  return {
    score: overallScore(categories),
    labels,
    categories,
    spans: spans === NO_SPANS ? [] : spans,
    explanation: labelled === undefined ? { ja: '', en: '' } : explainLabels(labelled),
  };
}

const NO_SPANS: AnalysisSpan[] = [];

/** The analysis of a post in which nothing was found (frozen: shared by every such post). */
export const NOTHING_FOUND: PostAnalysis = Object.freeze({
  score: 0,
  labels: Object.freeze([]) as readonly string[],
  categories: Object.freeze(
    Object.fromEntries(ANALYSIS_CATEGORIES.map((c) => [c, 0])) as Record<AnalysisCategory, number>,
  ),
  spans: Object.freeze([]) as readonly AnalysisSpan[],
  explanation: Object.freeze({ ja: '', en: '' }),
});

/** max + 0.25 × (noisy-or − max) over the category scores. */
export function overallScore(categories: Readonly<Record<AnalysisCategory, number>>): number {
  let max = 0;
  let miss = 1;
  for (const c of ANALYSIS_CATEGORIES) {
    const v = categories[c];
    max = Math.max(max, v);
    miss *= 1 - v;
  }
  return round(max + 0.25 * (1 - miss - max));
}
