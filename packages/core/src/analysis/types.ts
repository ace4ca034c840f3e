/**
 * The shapes of post analysis (issue #6). The engine (normalise + detectors + analyzePost) and the bulk layer
 * (import, dedupe, threads, author view, CLI, eval) meet here.
 */

/** The scored categories, in the order they are reported. Names are part of the CLI's JSON output. */
export const ANALYSIS_CATEGORIES = [
  'insult',
  'defamation',
  'threat',
  'privacy',
  'sexual',
  'discrimination',
  'self-harm-incitement',
] as const;
export type AnalysisCategory = (typeof ANALYSIS_CATEGORIES)[number];

/** Score at or above which a category becomes a label (`--threshold` overrides). */
export const DEFAULT_LABEL_THRESHOLD = 0.5;

/** A flagged stretch of the ORIGINAL text (UTF-16 offsets, end exclusive) and the rule that fired. */
export interface AnalysisSpan {
  readonly start: number;
  readonly end: number;
  readonly category: AnalysisCategory;
  /** Stable rule id, e.g. `threat.kill-verb`, `privacy.phone`. */
  readonly rule: string;
}

/** What the caller knows about the victim: their names and handles raise scores when addressed. */
export interface AnalysisContext {
  readonly victimNames?: readonly string[];
  readonly victimHandles?: readonly string[];
}

export interface AnalysisOptions extends AnalysisContext {
  readonly threshold?: number;
}

/** One post's result; the CLI prints `{ id, ...PostAnalysis }` as one JSON line. */
export interface PostAnalysis {
  /** Overall 0–1, for ranking. */
  readonly score: number;
  /** Categories whose score reached the threshold, plus `spam-pile-on` when the bulk layer finds it. */
  readonly labels: readonly string[];
  readonly categories: Readonly<Record<AnalysisCategory, number>>;
  readonly spans: readonly AnalysisSpan[];
  /** One line per label in legal terms, e.g. 『前科者』は具体的な事実の摘示にあたる可能性があります。 */
  readonly explanation: { readonly ja: string; readonly en: string };
}

/** A post as imported (fields recognised from CSV/JSONL/text). */
export interface ImportedPost {
  readonly id: string;
  readonly text: string;
  readonly author?: string;
  /** ISO 8601 when parseable, else as given. */
  readonly postedAt?: string;
  readonly url?: string;
  readonly replyTo?: string;
}
