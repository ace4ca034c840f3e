import type { Locale } from '@mimamoru/core';
import type { FieldIssue, RawIssue } from './app-error.js';

/**
 * Localized messages for zod issues: each names the field and says what to send instead.
 * Japanese is the reference text; the contracts' custom messages ('duplicate', 'date-format' …) are codes.
 */
type Render = (field: string, issue: RawIssue, received: unknown) => string;
type Catalog = Readonly<Record<string, Render>>;

const TYPE_NAMES: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  ja: {
    string: '文字列',
    number: '数値',
    int: '整数',
    boolean: 'true か false',
    array: '配列（リスト）',
    object: 'オブジェクト（{ … }）',
    date: '日付',
  },
  en: {
    string: 'a string',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    array: 'an array (list)',
    object: 'an object ({ … })',
    date: 'a date',
  },
};

function typeName(locale: Locale, expected: unknown): string {
  const key = String(expected);
  return TYPE_NAMES[locale][key] ?? key;
}

function show(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

function list(values: readonly unknown[] | undefined): string {
  return (values ?? []).map((v) => String(v)).join(', ');
}

const num = (value: unknown): string => String(value);

const CUSTOM: Readonly<Record<Locale, Catalog>> = {
  ja: {
    duplicate: (f) => `「${f}」に同じ値が重複しています。重複を取り除いてください。`,
    'date-format': (f) => `「${f}」は YYYY-MM-DD 形式の日付で指定してください（例: 2026-04-01）。`,
    'date-invalid': (f) => `「${f}」は存在しない日付です。カレンダーにある日付を指定してください。`,
    'after-asOf': (f) => `「${f}」が基準日（asOf）より後の日付です。asOf 以前の日付にしてください。`,
    'knownSince-without-known': (f) =>
      `「${f}」は、相手が誰か分かっている場合（offender.known が true）にだけ指定できます。known を true にするか、この項目を削除してください。`,
    'url-invalid': (f, _i, r) =>
      `「${f}」の「${show(r)}」は URL として使えません。https:// から始まる投稿のアドレスを貼り付けてください。`,
    'email-invalid': (f) => `「${f}」はメールアドレスの形になっていません（例: name@example.jp）。`,
    'phone-invalid': (f) =>
      `「${f}」は電話番号として読み取れません。数字とハイフンで入力してください（例: 090-1234-5678）。`,
    'email-required': (f) =>
      `「${f}」にメールアドレスを入力してください。メールでの連絡や鍵の送信に必要です。`,
    'phone-required': (f) => `「${f}」に電話番号を入力してください。電話での連絡を選んだ場合に必要です。`,
    'policy-outdated': (f) =>
      `「${f}」: プライバシーポリシーが更新されています。ページを開き直し、最新の内容を確認して同意してください。`,
    'consent-required': (f) => `「${f}」: 相談を送るには、プライバシーポリシーへの同意が必要です。`,
    'confirm-required': (f) => `「${f}」: 取り下げて削除するには、確認（confirm: true）が必要です。`,
    'erasure-confirm-required': (f) => `「${f}」: データを消去するには、確認（confirm: true）が必要です。`,
    'search-too-short': (f) =>
      `「${f}」: 検索には2文字以上続けて入力してください（記号と空白は数えません）。相談番号なら「MM-」から入力できます。`,
  },
  en: {
    duplicate: (f) => `${f} contains the same value more than once. Remove the duplicates.`,
    'date-format': (f) => `${f} must be a date in YYYY-MM-DD format (e.g. 2026-04-01).`,
    'date-invalid': (f) => `${f} is not a real calendar date. Use a date that exists.`,
    'after-asOf': (f) => `${f} is later than the reference date (asOf). Use a date on or before asOf.`,
    'knownSince-without-known': (f) =>
      `${f} can only be given when you know who the offender is (offender.known is true). Set known to true or remove this field.`,
    'url-invalid': (f, _i, r) =>
      `${f}: "${show(r)}" is not a usable address. Paste the post's address starting with https://.`,
    'email-invalid': (f) => `${f} is not an email address (e.g. name@example.jp).`,
    'phone-invalid': (f) => `${f} is not a phone number. Use digits and dashes (e.g. 090-1234-5678).`,
    'email-required': (f) =>
      `Enter an email address in ${f}: it is needed to contact you by email or send you the access key.`,
    'phone-required': (f) =>
      `Enter a phone number in ${f}: it is needed when you choose to be contacted by phone.`,
    'policy-outdated': (f) =>
      `${f}: the privacy policy has been updated. Reload the page, read the current version and accept it.`,
    'consent-required': (f) => `${f}: to send a consultation, please accept the privacy policy.`,
    'confirm-required': (f) => `${f}: to withdraw and erase the consultation, confirm it (confirm: true).`,
    'erasure-confirm-required': (f) => `${f}: to erase your data, confirm it (confirm: true).`,
    'search-too-short': (f) =>
      `${f}: type at least 2 characters in a row to search (symbols and spaces do not count). A case number can start with "MM-".`,
  },
};

const BY_CODE: Readonly<Record<Locale, Catalog>> = {
  ja: {
    required: (f) => `「${f}」は必須です。値を指定してください。`,
    invalid_type: (f, i) => `「${f}」の型が違います。${typeName('ja', i.expected)}で指定してください。`,
    invalid_value: (f, i, r) =>
      `「${f}」の値「${show(r)}」は使えません。次のいずれかを指定してください: ${list(i.values)}`,
    too_small: (f, i) => {
      if (i.origin === 'array') return `「${f}」は少なくとも ${num(i.minimum)} 個選んでください。`;
      if (i.origin === 'string') return `「${f}」は ${num(i.minimum)} 文字以上で入力してください。`;
      return `「${f}」は ${num(i.minimum)} ${i.inclusive === false ? 'より大きい' : '以上の'}数にしてください。`;
    },
    too_big: (f, i) => {
      if (i.origin === 'array') return `「${f}」は ${num(i.maximum)} 個までです。減らしてください。`;
      if (i.origin === 'string') return `「${f}」は ${num(i.maximum)} 文字以内で入力してください。`;
      return `「${f}」は ${num(i.maximum)} ${i.inclusive === false ? '未満の' : '以下の'}数にしてください。`;
    },
    unrecognized_keys: (f) => `「${f}」は使えない項目です。削除してください。`,
    invalid_format: (f) => `「${f}」の書式が正しくありません。説明にある形式で入力してください。`,
    invalid_union: (f) => `「${f}」の値が正しくありません。使える形式のどれかで指定してください。`,
    not_multiple_of: (f) => `「${f}」の数値が正しくありません。`,
    fallback: (f) => `「${f}」の値が正しくありません。入力を確認してください。`,
  },
  en: {
    required: (f) => `${f} is required. Please provide a value.`,
    invalid_type: (f, i) => `${f} has the wrong type. Send ${typeName('en', i.expected)}.`,
    invalid_value: (f, i, r) => `${f}: "${show(r)}" is not allowed. Use one of: ${list(i.values)}`,
    too_small: (f, i) => {
      if (i.origin === 'array') return `Choose at least ${num(i.minimum)} item(s) for ${f}.`;
      if (i.origin === 'string') return `${f} must be at least ${num(i.minimum)} character(s) long.`;
      return `${f} must be ${i.inclusive === false ? 'greater than' : 'at least'} ${num(i.minimum)}.`;
    },
    too_big: (f, i) => {
      if (i.origin === 'array') return `${f} allows at most ${num(i.maximum)} item(s). Remove some.`;
      if (i.origin === 'string') return `${f} must be at most ${num(i.maximum)} character(s) long.`;
      return `${f} must be ${i.inclusive === false ? 'less than' : 'at most'} ${num(i.maximum)}.`;
    },
    unrecognized_keys: (f) => `${f} is not a known field. Remove it.`,
    invalid_format: (f) => `${f} is not in the expected format. Check the documented format.`,
    invalid_union: (f) => `${f} does not match any accepted form.`,
    not_multiple_of: (f) => `${f} is not an accepted number.`,
    fallback: (f) => `${f} is not valid. Check the value.`,
  },
};

const ROOT: Readonly<Record<Locale, string>> = { ja: '入力全体', en: 'The input' };

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

function pathText(path: readonly PropertyKey[]): string {
  return path.map((segment) => String(segment)).join('.');
}

/** Turns zod issues into localized field issues; unknown keys become one issue per key. */
export function localizeIssues(issues: readonly RawIssue[], input: unknown, locale: Locale): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys' && issue.keys && issue.keys.length > 0) {
      for (const key of issue.keys) {
        const path = pathText([...issue.path, key]);
        out.push({
          path,
          code: issue.code,
          message: BY_CODE[locale].unrecognized_keys!(path, issue, undefined),
        });
      }
      continue;
    }
    const path = pathText(issue.path);
    const field = path === '' ? ROOT[locale] : path;
    const received = valueAt(input, issue.path);
    const custom = CUSTOM[locale][issue.message];
    if (custom) {
      out.push({ path, code: issue.message, message: custom(field, issue, received) });
      continue;
    }
    // JSON has no undefined: a missing key is reported by zod as a type or value mismatch.
    const missing =
      received === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value');
    const code = missing ? 'required' : issue.code;
    const render = BY_CODE[locale][code] ?? BY_CODE[locale].fallback!;
    out.push({ path, code, message: render(field, issue, received) });
  }
  return out;
}
