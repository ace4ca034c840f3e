/**
 * One sentence per label, in Japanese and English, naming the phrase and the legal notion it may fall under.
 * Citations: 刑法230条（名誉毀損）, 231条（侮辱）, 222条（脅迫）, 202条（自殺関与）; 民法709条（不法行為）;
 * プライバシー: 「宴のあと」事件 東京地判昭和39年9月28日 (DOMAIN.md §4.2); 差別的言動: 本邦外出身者に対する不当な差別的言動の
 * 解消に向けた取組の推進に関する法律（平成28年法律第68号）2条. Law texts: e-Gov (LAW_URLS in law/offences.ts).
 * Every sentence says "may" (可能性): the engine flags for human review, it does not decide.
 */
import type { LegalBasis } from '../law/source.js';
import { BASIS, LAW_URLS } from '../law/offences.js';
import { EMOJI_MEANINGS } from './wordlists/emoji.js';
import type { AnalysisCategory } from './types.js';

export const ANALYSIS_LEGAL_BASIS: Readonly<Record<AnalysisCategory, readonly LegalBasis[]>> = {
  insult: [BASIS.keihou231, BASIS.minpou709],
  defamation: [BASIS.keihou230, BASIS.minpou709],
  threat: [BASIS.keihou222],
  privacy: [BASIS.minpou709, { law: '判例', article: '「宴のあと」事件 東京地判昭和39年9月28日', source: 'DOMAIN.md §4.2' }],
  sexual: [BASIS.keihou231, BASIS.minpou709],
  discrimination: [
    {
      law: '本邦外出身者に対する不当な差別的言動の解消に向けた取組の推進に関する法律',
      article: '2条（定義）',
      source: 'https://laws.e-gov.go.jp/law/428AC1000000068',
    },
    BASIS.keihou231,
    BASIS.minpou709,
  ],
  'self-harm-incitement': [BASIS.keihou231, { law: '刑法', article: '202条（自殺関与及び同意殺人）', source: LAW_URLS.keihou }, BASIS.minpou709],
};

const TEMPLATES: Readonly<Record<AnalysisCategory, { ja: (p: string) => string; en: (p: string) => string }>> = {
  insult: {
    ja: (p) => `『${p}』は事実を示さずに人を侮辱する表現にあたる可能性があります（侮辱罪、刑法231条／民法709条）。`,
    en: (p) => `"${p}" may be a contemptuous expression that states no fact (insult, Penal Code art. 231; Civil Code art. 709).`,
  },
  defamation: {
    ja: (p) => `『${p}』は社会的評価を下げる具体的な事実の摘示にあたる可能性があります（名誉毀損、刑法230条／民法709条）。`,
    en: (p) => `"${p}" may assert a concrete fact that lowers the person's social standing (defamation, Penal Code art. 230; Civil Code art. 709).`,
  },
  threat: {
    ja: (p) => `『${p}』は本人や親族の生命・身体・自由・名誉・財産に害を加える旨の告知にあたる可能性があります（脅迫罪、刑法222条）。`,
    en: (p) => `"${p}" may announce harm to the life, body, freedom, honour or property of the person or a relative (intimidation, Penal Code art. 222).`,
  },
  privacy: {
    ja: (p) => `『${p}』は公開を望まない私生活上の情報の公開にあたる可能性があります（プライバシー侵害、民法709条、「宴のあと」事件 東京地判昭和39年9月28日）。`,
    en: (p) => `"${p}" may publish private information the person would not want disclosed (invasion of privacy, Civil Code art. 709; Utage no Ato, Tokyo District Court, 28 Sep 1964).`,
  },
  sexual: {
    ja: (p) => `『${p}』は性的な嫌がらせにあたる可能性があります（侮辱罪 刑法231条／民法709条）。`,
    en: (p) => `"${p}" may be sexual harassment (insult, Penal Code art. 231; Civil Code art. 709).`,
  },
  discrimination: {
    ja: (p) => `『${p}』は出身・民族・性別・性的指向・障害などを理由に人を排除し貶める差別的表現にあたる可能性があります（ヘイトスピーチ解消法2条、特定の人に向けられた場合は刑法231条／民法709条）。`,
    en: (p) => `"${p}" may be a discriminatory attack on origin, ethnicity, gender, sexuality or disability (Hate Speech Elimination Act art. 2; against a specific person, Penal Code art. 231; Civil Code art. 709).`,
  },
  'self-harm-incitement': {
    ja: (p) => `『${p}』は相手に死や自殺を求める表現として侮辱（刑法231条／民法709条）にあたる可能性があります（実際に自殺をそそのかせば自殺教唆、刑法202条）。`,
    en: (p) => `"${p}" tells the person to die or kill themself: it may be an insult (Penal Code art. 231; Civil Code art. 709), and inciting an actual suicide is a crime (Penal Code art. 202).`,
  },
};

const MAX_PHRASE = 40;

/** The phrase as quoted in an explanation: trimmed, and for privacy masked in the middle so no PII is repeated. */
export function quotePhrase(category: AnalysisCategory, phrase: string): string {
  const chars = [...phrase.replace(/\s+/g, ' ').trim()];
  let out = chars.length > MAX_PHRASE ? [...chars.slice(0, MAX_PHRASE - 1), '…'] : chars;
  if (category === 'privacy' && out.length > 4) {
    const keep = Math.max(1, Math.floor(out.length / 5));
    out = out.map((ch, i) => (i < keep || i >= out.length - keep ? ch : '＊'));
  }
  return out.join('');
}

/** How many phrases one explanation sentence names (strongest first). */
export const PHRASES_PER_LABEL = 3;

function gloss(phrase: string, lang: 'ja' | 'en'): string {
  const meanings = [...new Set([...phrase].map((ch) => EMOJI_MEANINGS[ch]).filter((m) => m !== undefined))];
  if (meanings.length === 0) return '';
  return lang === 'ja' ? `（${meanings.map((m) => m.ja).join('・')}）` : ` (${meanings.map((m) => m.en).join(', ')})`;
}

/**
 * Explanations made recently, by their labels and phrases: a flame repeats the same words thousands of times, and
 * an equal explanation is then the same (frozen) object, which writers can also encode once.
 */
const recent = new Map<string, Readonly<{ ja: string; en: string }>>();
const RECENT_MAX = 4096;

/** One sentence per labelled category, naming its strongest phrases (emoji glossed with their meaning). */
export function explainLabels(
  labels: readonly { category: AnalysisCategory; phrases: readonly string[] }[],
): Readonly<{ ja: string; en: string }> {
  let key = '';
  for (const { category, phrases } of labels) key += `${category}\u0001${phrases.join('\u0002')}\u0003`;
  let explained = recent.get(key);
  if (explained === undefined) {
    explained = Object.freeze(explain(labels));
    if (recent.size >= RECENT_MAX) recent.clear();
    recent.set(key, explained);
  }
  return explained;
}

function explain(labels: readonly { category: AnalysisCategory; phrases: readonly string[] }[]): { ja: string; en: string } {
  const ja: string[] = [];
  const en: string[] = [];
  for (const { category, phrases } of labels) {
    const distinct = [...new Set(phrases)].slice(0, PHRASES_PER_LABEL);
    if (distinct.length === 0) continue;
    const q = distinct.map((p) => ({ text: quotePhrase(category, p), p }));
    ja.push(TEMPLATES[category].ja(q.map(({ text, p }) => text + gloss(p, 'ja')).join('』『')));
    en.push(TEMPLATES[category].en(q.map(({ text, p }) => text + gloss(p, 'en')).join('", "')));
  }
  return { ja: ja.join(''), en: en.join(' ') };
}
