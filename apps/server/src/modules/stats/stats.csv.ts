import type { Stats } from '@mimamoru/contracts';
import {
  categoryLabel,
  type DisclosureState,
  type IntakeChannel,
  type Locale,
  PLATFORM_LABELS,
  type TakedownState,
  type WorkflowStage,
} from '@mimamoru/core';

type Labels<K extends string> = Readonly<Record<K, Readonly<Record<Locale, string>>>>;

const HEADERS: Readonly<Record<Locale, readonly string[]>> = {
  ja: ['区分', '項目', 'キー', '値'],
  en: ['section', 'item', 'key', 'value'],
};

const SECTIONS = {
  period: { ja: '期間', en: 'Period' },
  totals: { ja: '相談件数', en: 'Consultations' },
  perWeek: {
    ja: '週ごとの相談件数（月曜始まり・日本時間）',
    en: 'Consultations per week (Monday start, Japan time)',
  },
  platform: { ja: '書き込まれた場所', en: 'Platform' },
  category: { ja: 'あてはまるかもしれない法的な分類', en: 'Legal category' },
  channel: { ja: '受付の経路', en: 'Intake channel' },
  firstResponse: { ja: '初回返信', en: 'First reply' },
  reached: { ja: '到達した段階', en: 'Stages reached' },
  resolvedFrom: { ja: '解決の経路（解決の直前の段階）', en: 'Resolved from' },
  current: { ja: '現在の段階', en: 'Current stage' },
  takedown: { ja: '投稿ごとの削除', en: 'Posts: takedown' },
  disclosure: { ja: '投稿ごとの発信者特定', en: 'Posts: identification of the poster' },
} as const satisfies Labels<string>;

const ITEMS = {
  from: { ja: '開始日', en: 'From' },
  to: { ja: '終了日（この日を含む）', en: 'To (inclusive)' },
  timeZone: { ja: '時間帯', en: 'Time zone' },
  scope: { ja: '対象', en: 'Scope' },
  received: { ja: '受け付けた相談', en: 'Received' },
  withdrawn: { ja: 'うち取り下げ', en: 'Of which withdrawn' },
  withoutCategory: { ja: '「状況を整理する」の回答なし', en: 'No Guide answers' },
  targetHours: { ja: '目標（時間）', en: 'Target (hours)' },
  answered: { ja: '返信した相談', en: 'Answered' },
  medianHours: { ja: '返信までの時間の中央値（時間）', en: 'Median time to first reply (hours)' },
  p90Hours: {
    ja: '返信までの時間の90パーセンタイル（時間）',
    en: '90th percentile time to first reply (hours)',
  },
  met: { ja: '目標内に返信', en: 'Met' },
  missed: { ja: '目標超過', en: 'Missed' },
  pending: { ja: '未返信（目標内）', en: 'Not yet answered (within target)' },
  endedWithoutReply: { ja: '返信前に終了・取り下げ', en: 'Ended without a reply' },
  metPercent: { ja: '目標達成率（%）', en: 'Met (%)' },
  total: { ja: '投稿数', en: 'Posts' },
} as const satisfies Labels<string>;

const SCOPES = {
  all: { ja: 'すべてのチーム', en: 'All teams' },
  team: { ja: 'チーム', en: 'Team' },
} as const;

const CHANNEL_LABELS: Labels<IntakeChannel> = {
  web: { ja: 'ウェブの相談フォーム', en: 'Web form' },
  phone: { ja: '電話', en: 'Phone' },
  email: { ja: 'メール', en: 'E-mail' },
  'walk-in': { ja: '来所', en: 'In person' },
  letter: { ja: '手紙', en: 'Letter' },
};

const STAGE_LABELS: Labels<WorkflowStage> = {
  new: { ja: '新規', en: 'New' },
  triaged: { ja: '確認済み', en: 'Triaged' },
  'in-progress': { ja: '対応中', en: 'In progress' },
  'deletion-requested': { ja: '削除請求', en: 'Deletion requested' },
  'disclosure-requested': { ja: '発信者情報開示請求', en: 'Disclosure requested' },
  negotiation: { ja: '交渉（示談）', en: 'Negotiation (settlement)' },
  litigation: { ja: '訴訟', en: 'Litigation' },
  'criminal-complaint': { ja: '刑事告訴', en: 'Criminal complaint' },
  resolved: { ja: '解決', en: 'Resolved' },
  closed: { ja: '終了', en: 'Closed' },
  withdrawn: { ja: '取り下げ', en: 'Withdrawn' },
};

const TAKEDOWN_LABELS: Labels<TakedownState> = {
  pending: { ja: '未依頼', en: 'Not requested' },
  'takedown-requested': { ja: '削除依頼中', en: 'Takedown requested' },
  removed: { ja: '削除された', en: 'Removed' },
  refused: { ja: '削除されなかった', en: 'Refused' },
};

const DISCLOSURE_LABELS: Labels<DisclosureState> = {
  pending: { ja: '未請求', en: 'Not requested' },
  'disclosure-requested': { ja: '開示請求中', en: 'Disclosure requested' },
  'ip-disclosed': { ja: 'IPアドレス開示', en: 'IP address disclosed' },
  identified: { ja: '発信者を特定', en: 'Poster identified' },
  refused: { ja: '開示されなかった', en: 'Refused' },
};

/** A CSV cell, quoted; a leading = + - @ is defused so spreadsheets never run it as a formula. */
function cell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

const hours = (ms: number | null) => (ms === null ? null : Math.round(ms / 36_000) / 100);

/**
 * The statistics as CSV (RFC 4180, CRLF): one row per figure with its section, item, a stable key
 * and the value, headers and labels in `locale`. The caller adds the UTF-8 BOM for Excel.
 */
export function statsCsv(stats: Stats, locale: Locale): string {
  const rows: (readonly (string | number | null)[])[] = [HEADERS[locale]];
  const add = (section: keyof typeof SECTIONS, item: string, key: string, value: string | number | null) =>
    rows.push([SECTIONS[section][locale], item, key, value]);
  const item = (key: keyof typeof ITEMS) => ITEMS[key][locale];
  const f = stats.firstResponse;

  add('period', item('from'), 'period.from', stats.period.from);
  add('period', item('to'), 'period.to', stats.period.to);
  add('period', item('timeZone'), 'period.timeZone', stats.period.timeZone);
  add(
    'period',
    item('scope'),
    'scope.team',
    stats.scope.teamId === null ? SCOPES.all[locale] : `${SCOPES.team[locale]} ${stats.scope.teamId}`,
  );
  add('totals', item('received'), 'received', stats.received);
  add('totals', item('withdrawn'), 'withdrawn', stats.withdrawn);
  for (const week of stats.perWeek) add('perWeek', week.weekStart, `week.${week.weekStart}`, week.count);
  for (const row of stats.byPlatform)
    add('platform', PLATFORM_LABELS[row.platform][locale], `platform.${row.platform}`, row.count);
  for (const row of stats.byCategory)
    add('category', categoryLabel(row.category, locale), `category.${row.category}`, row.count);
  add('category', item('withoutCategory'), 'category.none', stats.withoutCategory);
  for (const row of stats.byChannel)
    add('channel', CHANNEL_LABELS[row.channel][locale], `channel.${row.channel}`, row.count);
  add('firstResponse', item('targetHours'), 'firstResponse.targetHours', f.targetHours);
  add('firstResponse', item('answered'), 'firstResponse.answered', f.answered);
  add('firstResponse', item('medianHours'), 'firstResponse.medianHours', hours(f.medianMs));
  add('firstResponse', item('p90Hours'), 'firstResponse.p90Hours', hours(f.p90Ms));
  add('firstResponse', item('met'), 'firstResponse.met', f.met);
  add('firstResponse', item('missed'), 'firstResponse.missed', f.missed);
  add('firstResponse', item('pending'), 'firstResponse.pending', f.pending);
  add('firstResponse', item('endedWithoutReply'), 'firstResponse.endedWithoutReply', f.endedWithoutReply);
  add('firstResponse', item('metPercent'), 'firstResponse.metPercent', f.metPercent);
  for (const row of stats.outcomes.stagesReached)
    add('reached', STAGE_LABELS[row.stage][locale], `reached.${row.stage}`, row.count);
  for (const row of stats.outcomes.resolvedFrom)
    add('resolvedFrom', STAGE_LABELS[row.stage][locale], `resolvedFrom.${row.stage}`, row.count);
  for (const row of stats.outcomes.currentStages)
    add('current', STAGE_LABELS[row.stage][locale], `stage.${row.stage}`, row.count);
  add('takedown', item('total'), 'posts.total', stats.outcomes.posts.total);
  for (const row of stats.outcomes.posts.takedown)
    add('takedown', TAKEDOWN_LABELS[row.state][locale], `takedown.${row.state}`, row.count);
  for (const row of stats.outcomes.posts.disclosure)
    add('disclosure', DISCLOSURE_LABELS[row.state][locale], `disclosure.${row.state}`, row.count);

  return `${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
