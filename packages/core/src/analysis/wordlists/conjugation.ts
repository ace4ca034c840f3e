/**
 * Japanese verb conjugation for the lexicon: a list states a verb ONCE in its dictionary form and the forms that
 * carry the abuse (命令形 殴れ, 〜てやる, 〜に行く, 〜ばいいのに …) are generated when the matcher is compiled, so
 * every verb gets every ending and no phrase has to be listed by hand. Pure string work, run once.
 *
 * Verb classes: godan (五段: 殴る, 刺す, 死ぬ), ichidan (一段: 埋める, 消える; marked with a leading `1:`) and
 * サ変 (〜する: 拉致する). Source: standard Japanese grammar; written by the mimamoru project. Licence: mimamoru's.
 */

const I_ROW: Readonly<Record<string, string>> = { う: 'い', く: 'き', ぐ: 'ぎ', す: 'し', つ: 'ち', ぬ: 'に', ぶ: 'び', む: 'み', る: 'り' };
const E_ROW: Readonly<Record<string, string>> = { う: 'え', く: 'け', ぐ: 'げ', す: 'せ', つ: 'て', ぬ: 'ね', ぶ: 'べ', む: 'め', る: 'れ' };
const O_ROW: Readonly<Record<string, string>> = { う: 'お', く: 'こ', ぐ: 'ご', す: 'そ', つ: 'と', ぬ: 'の', ぶ: 'ぼ', む: 'も', る: 'ろ' };
const TE: Readonly<Record<string, string>> = { う: 'って', く: 'いて', ぐ: 'いで', す: 'して', つ: 'って', ぬ: 'んで', ぶ: 'んで', む: 'んで', る: 'って' };

export interface VerbForms {
  /** Dictionary form: 殴る. */
  readonly plain: string;
  /** 連用形: 殴り. */
  readonly stem: string;
  /** 命令形: 殴れ / 埋めろ / しろ. */
  readonly imperative: string;
  /** 意志形: 殴ろう / 埋めよう. */
  readonly volitional: string;
  /** 仮定形 + ば: 殴れば. */
  readonly conditional: string;
  /** て形: 殴って / 死んで. */
  readonly te: string;
  /** た形: 殴った / 死んだ. */
  readonly ta: string;
}

/** Conjugates one verb given as `殴る` (godan), `1:埋める` (ichidan) or `拉致する` (サ変). */
export function conjugate(spec: string): VerbForms {
  if (spec.startsWith('1:')) {
    const plain = spec.slice(2);
    const base = plain.slice(0, -1);
    return { plain, stem: base, imperative: `${base}ろ`, volitional: `${base}よう`, conditional: `${base}れば`, te: `${base}て`, ta: `${base}た` };
  }
  if (spec.endsWith('する')) {
    const base = spec.slice(0, -2);
    return { plain: spec, stem: `${base}し`, imperative: `${base}しろ`, volitional: `${base}しよう`, conditional: `${base}すれば`, te: `${base}して`, ta: `${base}した` };
  }
  const base = spec.slice(0, -1);
  const end = spec.slice(-1);
  const irregularTe = spec.endsWith('行く') || spec.endsWith('いく') ? `${base}って` : undefined;
  const te = irregularTe ?? `${base}${TE[end] ?? 'って'}`;
  const ta = te.endsWith('で') ? `${te.slice(0, -1)}だ` : `${te.slice(0, -1)}た`;
  return {
    plain: spec,
    stem: `${base}${I_ROW[end] ?? ''}`,
    imperative: `${base}${E_ROW[end] ?? ''}`,
    volitional: `${base}${O_ROW[end] ?? ''}う`,
    conditional: `${base}${E_ROW[end] ?? ''}ば`,
    te,
    ta,
  };
}

/**
 * Forms that announce doing harm to someone (threat): 〜てやる, 〜たる (Kansai), 〜てやろうか, 〜に行く, the plain
 * form with a sentence-final particle of intent (殴るぞ, 殴るからな, 殴るわ) and the volitional 〜ろうか.
 * The bare dictionary form is left out: 「殴る夢を見た」 is not a threat.
 */
export function harmForms(spec: string): string[] {
  const f = conjugate(spec);
  const teBase = f.te.slice(0, -1);
  const taru = f.te.endsWith('で') ? `${teBase}だる` : `${teBase}たる`;
  return [
    `${f.te}やる`, `${f.te}やっから`, taru, `${f.te}やろうか`, `${f.te}やろか`, `${f.stem}に行く`, `${f.stem}にいく`, `${f.stem}に行くから`,
    `${f.plain}ぞ`, `${f.plain}からな`, `${f.plain}から`, `${f.plain}わ`, `${f.plain}よ`, `${f.plain}ね`, `${f.volitional}か`,
    `${f.plain}つもり`, `${f.plain}しかない`, `${f.plain}からね`,
    // Kansai 〜たろか (しばき回したろか), and the plain form after 絶対 / 必ず (絶対ぶちのめす).
    `${taru.slice(0, -1)}ろか`, `${taru.slice(0, -1)}ろうか`, `絶対${f.plain}`, `必ず${f.plain}`, `絶対に${f.plain}`,
  ];
}

/**
 * Forms that urge the reader to do something (self-harm incitement, dismissal): 命令形 (死ね, 飛び降りろ), 〜な
 * (死にな), 〜ばいいのに, 〜たら？, 〜てこい, 〜てくれ, 〜てください, 〜ちまえ/〜てしまえ, 〜とけ, 〜べき.
 */
export function urgeForms(spec: string): string[] {
  const f = conjugate(spec);
  const tara = `${f.ta}ら`;
  const teBase = f.te.slice(0, -1);
  const toke = f.te.endsWith('で') ? `${teBase}どけ` : `${teBase}とけ`;
  // 連用形 + な (死にな) only for godan verbs: for the others it is the negative stem (飛び降りない, 自殺しない).
  const godan = !spec.startsWith('1:') && !spec.endsWith('する');
  return [
    f.imperative, `${f.imperative}よ`, `${f.conditional}いいのに`, `${f.conditional}いい`, `${tara}?`, `${tara}いい`, `${tara}どう?`,
    `${f.te}こい`, `${f.te}くれ`, `${f.te}ください`, `${f.te}しまえ`, `${teBase}${f.te.endsWith('で') ? 'じまえ' : 'ちまえ'}`, toke,
    `${f.stem}なさい`, `${f.plain}べき`, ...(godan ? [`${f.stem}な`] : []),
    // 〜てみたら？ / 〜てみれば (死んでみたら？), 〜てどうぞ (死んでどうぞ).
    `${f.te}みたら`, `${f.te}みれば`, `${f.te}どうぞ`,
  ];
}

/** Every `noun + frame` combination (豚 × みたい → 豚みたい), for comparisons and fact frames. */
export function combine(nouns: readonly string[], frames: readonly string[]): string[] {
  const out: string[] = [];
  for (const n of nouns) for (const f of frames) out.push(`${n}${f}`);
  return out;
}
