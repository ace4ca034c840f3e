import { LOCALES, type Locale } from '@mimamoru/core';
import { z } from 'zod';

/**
 * The e-mails mimamoru sends, in Japanese and English. Subjects never name the topic, so a glance
 * at a shared inbox reveals nothing; only `access-key` carries a secret, because the person asked
 * to send it to themselves. A reply notice never contains the reply.
 */
export const MAIL_TEMPLATES = ['access-key', 'reply-notice', 'key-reset'] as const;
export type MailTemplate = (typeof MAIL_TEMPLATES)[number];

const caseNumber = z.string().trim().min(1).max(32);
const recipient = z.email().max(254);
const locale = z.enum(LOCALES);

/** What a use case asks to send: recipient, template, locale and the template's data. */
export const MailRequestSchema = z.discriminatedUnion('template', [
  z.object({
    to: recipient,
    locale,
    template: z.literal('access-key'),
    data: z.object({ caseNumber, accessKey: z.string().min(16).max(256) }),
  }),
  z.object({
    to: recipient,
    locale,
    template: z.literal('reply-notice'),
    data: z.object({ caseNumber: caseNumber.optional() }),
  }),
  z.object({
    to: recipient,
    locale,
    template: z.literal('key-reset'),
    data: z.object({
      /** Goes after `#` in the link, so it never reaches a server log. */
      token: z.string().regex(/^[A-Za-z0-9_-]{16,256}$/),
      expiresAt: z.iso.datetime(),
    }),
  }),
]);
export type MailRequest = z.infer<typeof MailRequestSchema>;

export interface RenderedMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** A paragraph of text, or of text with one link. */
type Block = string | { readonly before: string; readonly href: string };

const SUBJECT: Readonly<Record<Locale, string>> = { ja: 'みまもる：お知らせ', en: 'mimamoru: notice' };
const SIGNATURE: Readonly<Record<Locale, string>> = {
  ja: 'みまもる（このメールには返信できません）',
  en: 'mimamoru (please do not reply to this e-mail)',
};

function formatTokyoTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  const format = new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: 'Asia/Tokyo',
    dateStyle: 'long',
    timeStyle: 'short',
  });
  return locale === 'ja' ? `${format.format(date)}（日本時間）` : `${format.format(date)} (Japan time)`;
}

function blocks(request: MailRequest, publicUrl: string): Block[] {
  const casePage = `${publicUrl}/case`;
  const ja = request.locale === 'ja';
  switch (request.template) {
    case 'access-key':
      return ja
        ? [
            'ご自身あてに送るよう選ばれた、ご相談の確認情報をお送りします。',
            `相談番号：${request.data.caseNumber}\n鍵：${request.data.accessKey}`,
            { before: 'この2つで、ご相談のページを開けます：', href: casePage },
            '鍵は、ほかの人に見られない場所に控えてください。このメールを残しておきたくない場合は、控えを取ってから削除してください。',
            'お心当たりがない場合は、このメールを破棄してください。',
          ]
        : [
            'As you asked, here are the details to open your consultation.',
            `Case number: ${request.data.caseNumber}\nAccess key: ${request.data.accessKey}`,
            { before: 'Use both to open your consultation page:', href: casePage },
            'Keep the access key where others cannot see it. If you would rather not keep this e-mail, note the details somewhere safe and delete it.',
            'If this was not you, you can ignore this e-mail.',
          ];
    case 'reply-notice': {
      const number = request.data.caseNumber;
      return ja
        ? [
            'みまもるからお知らせがあります。',
            {
              before: `ご相談のページでご確認ください（${number ? `相談番号 ${number} と` : '相談番号と'}鍵が必要です）：`,
              href: casePage,
            },
            'お知らせの内容は、安全のためこのメールには記載していません。',
          ]
        : [
            'There is an update from mimamoru.',
            {
              before: `Please check your consultation page (you will need your ${number ? `case number ${number} and ` : 'case number and '}access key):`,
              href: casePage,
            },
            'For your safety, this e-mail does not include the update itself.',
          ];
    }
    case 'key-reset': {
      const expires = formatTokyoTime(request.data.expiresAt, request.locale);
      const link = `${publicUrl}/case/reset#${request.data.token}`;
      return ja
        ? [
            '鍵の再設定のお申し込みを受け付けました。',
            {
              before: `次のリンクから新しい鍵を設定できます。リンクは1回だけ、${expires}まで使えます：`,
              href: link,
            },
            'お申し込みに心当たりがない場合は、このメールを破棄してください。今の鍵はそのまま使えます。',
          ]
        : [
            'We received a request to reset your access key.',
            {
              before: `You can set a new access key with this link. It works once, until ${expires}:`,
              href: link,
            },
            'If this was not you, you can ignore this e-mail; your current access key keeps working.',
          ];
    }
  }
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Subject, plain text and simple HTML of a mail request. `publicUrl` has no trailing slash. */
export function renderMail(request: MailRequest, { publicUrl }: { publicUrl: string }): RenderedMail {
  const content = [...blocks(request, publicUrl), SIGNATURE[request.locale]];
  const text = content
    .map((block) => (typeof block === 'string' ? block : `${block.before}\n${block.href}`))
    .join('\n\n');
  const paragraphs = content.map((block) =>
    typeof block === 'string'
      ? `<p>${escapeHtml(block).replace(/\n/g, '<br>')}</p>`
      : `<p>${escapeHtml(block.before)}<br><a href="${escapeHtml(block.href)}">${escapeHtml(block.href)}</a></p>`,
  );
  const html = [
    '<!doctype html>',
    `<html lang="${request.locale}"><head><meta charset="utf-8"><title>${escapeHtml(SUBJECT[request.locale])}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.7; color: #222; max-width: 36em;">',
    ...paragraphs,
    '</body></html>',
  ].join('\n');
  return { subject: SUBJECT[request.locale], text: `${text}\n`, html };
}
