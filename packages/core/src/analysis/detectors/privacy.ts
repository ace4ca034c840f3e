/**
 * Privacy (プライバシー侵害, 民法709条; 「宴のあと」事件 東京地判昭和39年9月28日): personal information published
 * about someone — phone numbers, postal codes, addresses (都道府県・市区町村・番地), e-mail addresses, マイナンバー
 * (12 digits with a valid check digit), licence plates, workplace/school/residence phrases, real names next to handles.
 * Patterns run on the normalised text (full-width digits already folded); offsets map back to the original.
 */
import { combine, contextFactor, EMPTY, type Detector } from './detector.js';

const SEP = '[-ー−‐ ]';
const PHONE = new RegExp(`(?<![0-9])(?:\\+81${SEP}?[1-9]|0)[0-9]{1,4}${SEP}?[0-9]{1,4}${SEP}?[0-9]{3,4}(?![0-9])`, 'g');
const POSTAL = new RegExp(`〒 ?[0-9]{3}${SEP}?[0-9]{4}|(?<![0-9-ー])[0-9]{3}[-ー−][0-9]{4}(?![0-9-ー])`, 'g');
/** Bounded quantifiers: no quadratic backtracking on long adversarial lines. */
const EMAIL = /[a-z0-9._%+-]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,8}\.[a-z]{2,24}(?![a-z])/g;
const PREFECTURE =
  '(?:北海道|東京都|京都府|大阪府|(?:青森|岩手|宮城|秋田|山形|福島|茨城|栃木|群馬|埼玉|千葉|神奈川|新潟|富山|石川|福井|山梨|長野|岐阜|静岡|愛知|三重|滋賀|兵庫|奈良|和歌山|鳥取|島根|岡山|広島|山口|徳島|香川|愛媛|高知|福岡|佐賀|長崎|熊本|大分|宮崎|鹿児島|沖縄)県)';
const BLOCK = `(?:[0-9]+丁目|[一二三四五六七八九十]+丁目|[0-9]+${SEP}[0-9]+(?:${SEP}[0-9]+)?|[0-9]+番地?)`;
const ADDRESS_FULL = new RegExp(
  `(?:${PREFECTURE}[\\u4e00-\\u9fff\\u3041-\\u309f]{1,8}?[市区町村郡]|[\\u4e00-\\u9fff]{1,4}[市区町村郡])[\\u4e00-\\u9fff\\u3041-\\u309f]{0,10}?${BLOCK}` +
    // …with the rest of the block and building number after 丁目 (西新宿2丁目8-1), so the whole address is marked.
    `(?:${SEP}?[0-9]+(?:${SEP}[0-9]+){0,2}号?)?`,
  'g',
);
const ADDRESS_CITY = new RegExp(`${PREFECTURE}[\\u4e00-\\u9fff\\u3041-\\u309f]{1,6}?[市区町村郡]`, 'g');
const MY_NUMBER = /(?<![0-9])[0-9]{4} ?[0-9]{4} ?[0-9]{4}(?![0-9])/g;
const PLATE = new RegExp(`[\\u4e00-\\u9fff]{1,4} ?[0-9]{2,3} ?[\\u3041-\\u3093] ?[0-9]{1,2}${SEP}[0-9]{2}(?![0-9])`, 'g');

/** A school with a year or class (北高校の2年3組, □□小学校の1年生, 大学法学部3年): where a child or student is found. */
const SCHOOL_YEAR = new RegExp(
  `(?:小学校|中学校?|高校|高等学校|大学|学園|学院|[小中高])[^、。!?\\s]{0,8}?[0-9一二三四五六]年(?:生|[0-9一二三四五六七八九十a-z]{1,2}組)?|[0-9一二三四五六]年[0-9一二三四五六七八九十a-z]{1,2}組`,
  'g',
);
/** A station with a time of day (毎朝7時半に西船橋駅, 駅 … 18時): where a person can be waited for. */
const STATION_TIME = /[0-9]{1,2}時(?:半|[0-9]{1,2}分)?[^、。!?\n]{0,12}?駅|駅[^、。!?\n]{0,12}?[0-9]{1,2}時(?:半|[0-9]{1,2}分)?/g;
/** A weekly or daily routine (毎週土曜, 毎朝7時): when a person can be found. */
const ROUTINE = /毎週[月火水木金土日](?:曜日?)?|毎(?:朝|晩|日|夜)[0-9]{1,2}時|いつも[0-9]{1,2}時/g;
/** A routine with a time of day (毎週日曜の朝6時, 毎朝7:40の快速): where and when a person can be waited for. */
const ROUTINE_TIME = /(?:毎週[月火水木金土日](?:曜日?)?|毎(?:朝|晩|日|夜)|いつも)[^、。!?\n]{0,8}?[0-9]{1,2}(?:時|:[0-9]{2})/g;
/** Messenger and social IDs (LINE ID: …, インスタ @…): a way to reach the person. */
const CONTACT_ID = /(?:line ?id|らいん ?id|id|いんすた|insta(?:gram)?|discord|skype)[^\n。a-z0-9@]{0,6}?@?[a-z0-9_.]{4,30}(?![a-z0-9_.@])/g;
/** Labels of a doxxing template (氏名 … / 住所 … / 職場 …): two or more different ones list a person's data. */
const DOX_FIELD = /氏名|本名|住所|職場|勤務先|勤め先|電話番号|携帯番号|生年月日|最寄り駅|出身校|学校名|実家/g;
const DOX_FIELD_ONE = new RegExp(DOX_FIELD.source);
/** A named organisation (株式会社…, ○○中学校, △△物流の川崎営業所) that can be someone's workplace or school. */
const ORGANISATION =
  /株式会社|有限会社|[○〇◯●△▲□■×✕*]{1,3}(?:[\u4e00-\u9fff\u30a1-\u30fa\u3041-\u3093ー]{0,6})|市役所|区役所|町役場|村役場|[\u4e00-\u9fff\u30a1-\u30faー]{1,10}(?:商事|物産|物流|運輸|銀行|信用金庫|信金|病院|医院|クリニック|市役所|区役所|役場|営業所|支店|支社|工場|事業所|保育園|幼稚園|小学校|中学校?|高校|大学|学園|塾|ジム|店)/g;
/** Katakana is folded to hiragana by normalisation, so the word regexes below spell katakana words in hiragana. */
/** A person's role there, or their being a pupil or alumnus: the organisation is about that person. */
const ROLE = /教頭|校長|教師|教諭|先生|看護師|職員|店員|受付|社員|課長|部長|係長|店長|保育士|勤務|働いて|勤めて|ばいと|ぱーと|出身|在学|在籍|通って|の生徒|の学生|[0-9一二三四五六]年/;
/** Shops, clinics and events publish their own phone, e-mail and address: not a person's data. */
const BUSINESS =
  /お問い?合わ?せ|予約|お店|うちの店|店の電話|変わりました|屋さん|出前|でりばりー|ていくあうと|れすとらん|かふぇ|さろん|来てね|お越し|受付|営業時間|定休日|tel|fax|ふりーだいやる|診療時間|当院|当店|当社|弊社|公式|窓口|おーぷん|会場|展示会|いべんと|開催|店舗|移転|ご来店|お気軽に|平日のみ|土日祝/;
/** …unless the post turns the contact against someone (凸, 鬼電, かけまくれ, 住んでる). */
const HOSTILE_USE = /凸|鬼電|かけまくれ|かけて|電話しろ|送りまくれ|送りまくろう|苦情|晒|特定|こいつ|あいつ|住んで|実家|自宅|家は|本名/;
/** A municipality and a neighbourhood with あたり / 付近 (世田谷区の三軒茶屋あたり): where a person lives, narrowed down. */
const AREA = /[\u4e00-\u9fff]{1,4}[区市町村]の?[\u4e00-\u9fff\u30a1-\u30faー]{1,6}(?:あたり|辺り|付近|周辺|の近く)/g;
/** Someone other than the writer is meant (山田の, 〜さん, 旦那, 中の人, この女 …). */
const PERSON_REF =
  /[\u4e00-\u9fff]{2,3}の(?:勤務先|勤め先|職場|ばいと先|学校|本名|住所|実家)|[\u4e00-\u9fff]{1,4}(?:さん|くん|ちゃん|氏)|の旦那|の嫁|の妻|の夫|の奥さん|の娘|の息子|の彼氏|の彼女|の親|中の人|正体|本名|って子|って人|って奴|ってやつ|(?:この|あの)(?:女|男|あか|垢)|あかうんとの人|のお父さん|のお母さん|の父親|の母親/;
const DOX_LABELLED = /(氏名|本名|住所|職場|勤務先|勤め先|電話番号|携帯番号|生年月日|最寄り駅|出身校|学校名|実家)\s*[:：]/g;
/** Doxxing rather than a form to fill in: 晒し, a handle's owner, or fields written as 「住所：…」. */
const DOX_INTENT = /晒|特定|こいつ|あいつ|中の人|正体|まとめ|拡散|流出|ばらま|dmで送/;
/** Free-dial and navi-dial prefixes belong to businesses. */
const BUSINESS_PHONE = /^(?:0120|0800|0570|0180)/;

const WEIGHTS = {
  'privacy.school-year': 0.45,
  'privacy.station-time': 0.45,
  'privacy.routine': 0.3,
  'privacy.phone': 0.72,
  'privacy.postal-code': 0.45,
  'privacy.email': 0.6,
  'privacy.address': 0.75,
  'privacy.city': 0.15,
  'privacy.my-number': 0.6,
  'privacy.licence-plate': 0.6,
  'privacy.name-with-handle': 0.65,
  'privacy.routine-time': 0.45,
  'privacy.contact-id': 0.55,
  'privacy.dox-template': 0.65,
  'privacy.workplace-named': 0.5,
  'privacy.area': 0.35,
} as const;

/** マイナンバー check digit (番号法施行令8条): Σ Pn×Qn over the 11 digits from the right, Qn = n+1 (n≤6) or n−5. */
export function isValidMyNumber(digits: string): boolean {
  if (!/^[0-9]{12}$/.test(digits)) return false;
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = digits.charCodeAt(11 - n) - 0x30;
    sum += p * (n <= 6 ? n + 1 : n - 5);
  }
  const r = sum % 11;
  const check = r <= 1 ? 0 : 11 - r;
  return check === digits.charCodeAt(11) - 0x30;
}

function digitCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) n++;
  }
  return n;
}

/** What the privacy patterns need, found in one pass over the text. */
function scanFeatures(text: string) {
  const f = { digits: 0, municipality: false, prefecture: false, year: false, hour: false, station: false, every: false, at: false };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) f.digits++;
    else if (c < 0x4e00) {
      if (c === 0x40) f.at = true;
    } else if (c === 0x5e02 || c === 0x533a || c === 0x753a || c === 0x6751 || c === 0x90e1) f.municipality = true; // 市区町村郡
    else if (c === 0x90fd || c === 0x9053 || c === 0x5e9c || c === 0x770c) f.prefecture = true; // 都道府県
    else if (c === 0x5e74) f.year = true; // 年
    else if (c === 0x6642) f.hour = true; // 時
    else if (c === 0x99c5) f.station = true; // 駅
    else if (c === 0x6bce) f.every = true; // 毎
  }
  return f;
}

export const detectPrivacy: Detector = (scan) => {
  const text = scan.norm.text;
  // Cheap prechecks (one pass, a few includes and two short regexes, cheapest first) so that the patterns below
  // run only on posts that could match them, and most posts (no long number, no place, no contact, no role)
  // leave at once.
  const f = scanFeatures(text);
  const privacyMatch = scan.matches.some((m) => m.compiled.entry.category === 'privacy');
  const contactWord = text.includes('id') || text.includes('いんすた') || text.includes('insta');
  const usual = text.includes('いつも');
  // Every digit pattern needs 5 digits (plate, postal code, phone, マイナンバー) or a time with a station or routine.
  const digitPatterns = f.digits >= 5 || (f.digits > 0 && ((f.hour && f.station) || usual));
  const workplacePhrase = privacyMatch && scan.matches.some((m) => m.compiled.entry.rule === 'privacy.workplace');
  let doxField: boolean | undefined;
  let roleOrPhrase: boolean | undefined;
  const mayDox = () => (doxField ??= DOX_FIELD_ONE.test(text));
  const mayNameWorkplace = () => (roleOrPhrase ??= scan.markers.self.length === 0 && (workplacePhrase || ROLE.test(text)));
  if (
    !digitPatterns &&
    !f.year &&
    !f.every &&
    !f.prefecture &&
    !f.municipality &&
    !f.at &&
    !contactWord &&
    !privacyMatch &&
    scan.victimMentions.length === 0 &&
    !mayDox() &&
    !mayNameWorkplace()
  )
    return EMPTY;
  const items: { start: number; end: number; rule: string; p: number }[] = [];
  const factorAt = (start: number, end: number): number =>
    contextFactor(scan, { start, end, masked: 0, compiled: PSEUDO }, 'privacy');
  // A shop's or clinic's own contact details are published on purpose (ご予約は 03-…, 営業時間 …).
  let businessFactor: number | undefined;
  const business = (): number =>
    (businessFactor ??= scan.markers.target.length === 0 && BUSINESS.test(text) && !HOSTILE_USE.test(text) ? 0.4 : 1);
  const add = (rule: keyof typeof WEIGHTS, start: number, end: number, weight: number = WEIGHTS[rule]): void => {
    const contact = rule === 'privacy.phone' || rule === 'privacy.email' || rule === 'privacy.address' || rule === 'privacy.postal-code' || rule === 'privacy.city' || rule === 'privacy.contact-id' || rule === 'privacy.dox-template';
    items.push({ start, end, rule, p: weight * factorAt(start, end) * (contact ? business() : 1) });
  };
  const digits = f.digits;
  const taken: [number, number][] = [];
  const overlaps = (s: number, e: number): boolean => taken.some(([a, b]) => s < b && e > a);
  if (digits > 0) {
    if (f.municipality) for (const m of text.matchAll(ADDRESS_FULL)) {
      add('privacy.address', m.index, m.index + m[0].length);
      taken.push([m.index, m.index + m[0].length]);
    }
    if (digits >= 10) for (const m of text.matchAll(PHONE)) {
      const d = digitCount(m[0]);
      if ((d === 10 || d === 11 || (m[0].startsWith('+81') && d >= 11 && d <= 12)) && !overlaps(m.index, m.index + m[0].length)) {
        add('privacy.phone', m.index, m.index + m[0].length, BUSINESS_PHONE.test(m[0]) ? 0.2 : WEIGHTS['privacy.phone']);
        taken.push([m.index, m.index + m[0].length]);
      }
    }
    if (digits >= 7) for (const m of text.matchAll(POSTAL)) {
      if (!overlaps(m.index, m.index + m[0].length)) add('privacy.postal-code', m.index, m.index + m[0].length, m[0].startsWith('〒') ? 0.55 : WEIGHTS['privacy.postal-code']);
    }
    const keyword = scan.matches.some((m) => m.compiled.entry.rule === 'privacy.identity-number');
    if (digits >= 12) for (const m of text.matchAll(MY_NUMBER)) {
      if (isValidMyNumber(m[0].replace(/ /g, '')) && !overlaps(m.index, m.index + m[0].length)) {
        add('privacy.my-number', m.index, m.index + m[0].length, keyword ? 0.9 : WEIGHTS['privacy.my-number']);
      }
    }
    if (digits >= 5) for (const m of text.matchAll(PLATE)) add('privacy.licence-plate', m.index, m.index + m[0].length);
  }
  if (f.year) for (const m of text.matchAll(SCHOOL_YEAR)) add('privacy.school-year', m.index, m.index + m[0].length);
  if (digits > 0 && f.hour && f.station) for (const m of text.matchAll(STATION_TIME)) add('privacy.station-time', m.index, m.index + m[0].length);
  if (f.every || (digits > 0 && usual)) {
    for (const m of text.matchAll(ROUTINE)) add('privacy.routine', m.index, m.index + m[0].length);
    if (digits > 0) for (const m of text.matchAll(ROUTINE_TIME)) add('privacy.routine-time', m.index, m.index + m[0].length);
  }
  if (contactWord) {
    for (const m of text.matchAll(CONTACT_ID)) add('privacy.contact-id', m.index, m.index + m[0].length);
  }
  if (f.municipality) for (const m of text.matchAll(AREA)) add('privacy.area', m.index, m.index + m[0].length);
  const fields = mayDox() ? [...text.matchAll(DOX_FIELD)] : [];
  // Normalisation drops a colon between Japanese characters, so 「本名：…」 is looked for in the original text.
  const labelled = (): number => new Set([...scan.original.matchAll(DOX_LABELLED)].map((m) => m[1])).size;
  if (fields.length >= 2 && new Set(fields.map((m) => m[0])).size >= 2 && (DOX_INTENT.test(text) || labelled() >= 2)) {
    const first = fields[0];
    const last = fields[fields.length - 1];
    if (first !== undefined && last !== undefined) add('privacy.dox-template', first.index, last.index + last[0].length);
  }
  // An organisation named together with the person's role or membership there (〇〇中学校で教頭, △△物流の営業所).
  // Only about someone else: 「私の勤務先は〇〇病院」 and 「〇〇高校の3年です」 are the writer's own.
  if (mayNameWorkplace() && (scan.addressed || scan.victimMentions.length > 0 || PERSON_REF.test(text))) {
    const org = ORGANISATION.exec(text);
    ORGANISATION.lastIndex = 0;
    if (org !== null) add('privacy.workplace-named', org.index, org.index + org[0].length);
  }
  if (f.prefecture) for (const m of text.matchAll(ADDRESS_CITY)) {
    if (!overlaps(m.index, m.index + m[0].length)) add('privacy.city', m.index, m.index + m[0].length);
  }
  if (f.at) {
    for (const m of text.matchAll(EMAIL)) add('privacy.email', m.index, m.index + m[0].length);
  }
  for (const m of scan.matches) {
    if (m.compiled.entry.category !== 'privacy') continue;
    items.push({ start: m.start, end: m.end, rule: m.compiled.entry.rule, p: m.compiled.entry.weight * contextFactor(scan, m, 'privacy') * business() });
  }
  const names = scan.victimMentions.filter((v) => v.kind === 'name');
  const handles = scan.victimMentions.filter((v) => v.kind === 'handle');
  const anyHandle = handles.length > 0 || /@[a-z0-9_]{1,30}/.test(text);
  if (names.length > 0 && anyHandle) {
    for (const v of names) items.push({ start: v.start, end: v.end, rule: 'privacy.name-with-handle', p: WEIGHTS['privacy.name-with-handle'] });
  }
  return combine(scan, 'privacy', items);
};

const PSEUDO = { entry: { rule: 'privacy.pattern', category: 'privacy', terms: [], weight: 0 }, pattern: '', kanaBoundary: false, asciiStart: false, asciiEnd: false, notAfterKanji: false, except: [] } as const;
