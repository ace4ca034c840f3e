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
import { round, type Detector, type PostScan } from './detectors/detector.js';
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
  'target', 'negation', 'reported', 'news', 'banter', 'opinion', 'assertion', 'self', 'group', 'hostile',
];

let matcher: Matcher | undefined;
function getMatcher(): Matcher {
  matcher ??= compileMatcher([...ALL_ENTRIES, ...FRAME_ENTRIES, ...PRIVACY_ENTRIES, ...CONTEXT_ENTRIES]);
  return matcher;
}

/** Victim names/handles normalised once per distinct context (bulk runs pass the same one for every post). */
const victimCache = new Map<string, { names: string[]; handles: string[] }>();
function victimTerms(context: AnalysisContext): { names: string[]; handles: string[] } {
  const names = context.victimNames ?? [];
  const handles = context.victimHandles ?? [];
  if (names.length === 0 && handles.length === 0) return { names: [], handles: [] };
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
  // Most posts have no context markers: share one frozen empty record until a marker turns up.
  let markers: Record<ContextKind, Match[]> = NO_MARKERS;
  for (const m of all) {
    const cat = m.compiled.entry.category;
    if (CONTEXT_KIND_SET.has(cat)) {
      const kind = cat as ContextKind;
      if (markers === NO_MARKERS) markers = emptyMarkers();
      markers[kind].push(m);
    } else matches.push(m);
  }
  const victimMentions: { start: number; end: number; kind: 'name' | 'handle' }[] = [];
  for (const [list, kind] of [[names, 'name'], [handles, 'handle']] as const) {
    for (const term of list) {
      let at = norm.text.indexOf(term);
      while (at >= 0) {
        victimMentions.push({ start: at, end: at + term.length, kind });
        at = norm.text.indexOf(term, at + term.length);
      }
    }
  }
  const text = norm.text;
  let named: boolean | undefined;
  return {
    original,
    norm,
    matches,
    markers,
    victimMentions,
    addressed: markers.target.length > 0 || (text.includes('@') && MENTION.test(text)),
    // Only defamation and privacy ask whether a person is named; most posts never need the regex.
    get named(): boolean {
      named ??= NAMED.test(text);
      return named;
    },
    repost: REPOST.test(text),
  };
}

const NO_MARKERS: Record<ContextKind, Match[]> = Object.freeze(emptyMarkers()) as Record<ContextKind, Match[]>;
for (const k of CONTEXT_KINDS) Object.freeze(NO_MARKERS[k]);

function emptyMarkers(): Record<ContextKind, Match[]> {
  return { target: [], negation: [], reported: [], news: [], banter: [], opinion: [], assertion: [], self: [], group: [], hostile: [] };
}
const CONTEXT_KIND_SET: ReadonlySet<string> = new Set(CONTEXT_KINDS);

/** Analyses one post; see types.ts for the result's shape. Never throws on any string input. */
export function analyzePost(text: string, options: AnalysisOptions = {}): PostAnalysis {
  const threshold = options.threshold ?? DEFAULT_LABEL_THRESHOLD;
  const scan = scanPost(text, options);
  const categories = {} as Record<AnalysisCategory, number>;
  let spans: AnalysisSpan[] = NO_SPANS;
  const labels: AnalysisCategory[] = [];
  let labelled: { category: AnalysisCategory; phrases: string[] }[] | undefined;
  for (const category of ANALYSIS_CATEGORIES) {
    const result = DETECTORS[category](scan, text, options);
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
