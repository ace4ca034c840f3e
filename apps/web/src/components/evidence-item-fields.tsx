import { PLATFORMS, platformOfUrl, type Platform } from '@mimamoru/core';
import type { EvidenceItemView } from '@mimamoru/contracts';
import { useRef, useState } from 'react';
import { useT } from '../i18n/locale-context.js';

/** What the evidence routes take as files (the server checks again). */
const EVIDENCE_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'video/mp4',
  'video/quicktime',
  'video/webm',
];

/** An address a post or page can be fetched at: http(s) and no spaces. */
export function isHttpUrl(value: string): boolean {
  return /^https?:\/\/\S+$/i.test(value.trim());
}

/** The help and error lines an input points to, in reading order; undefined when there are none. */
function describedBy(...ids: readonly (string | false | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
}

/** A post's or page's address: `<id>-help` and `<id>-error` lines, the error shown while `invalid`. */
export function UrlField({
  id,
  label,
  help,
  helpClassName = 'field-help',
  invalidText,
  invalid,
  value,
  onChange,
}: {
  readonly id: string;
  readonly label: string;
  readonly help?: string;
  readonly helpClassName?: string;
  readonly invalidText: string;
  readonly invalid: boolean;
  readonly value: string;
  readonly onChange: (value: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {help ? (
        <p className={helpClassName} id={`${id}-help`}>
          {help}
        </p>
      ) : null}
      <input
        id={id}
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        maxLength={2048}
        value={value}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy(help && `${id}-help`, invalid && `${id}-error`)}
        onChange={(e) => onChange(e.target.value)}
      />
      {invalid ? (
        <p id={`${id}-error`} className="field-error">
          {invalidText}
        </p>
      ) : null}
    </div>
  );
}

/** The service a post is on, named from the victim-side catalog. */
export function PlatformField({
  id,
  label,
  value,
  onChange,
}: {
  readonly id: string;
  readonly label: string;
  readonly value: Platform;
  readonly onChange: (platform: Platform) => void;
}) {
  const t = useT();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as Platform)}>
        {PLATFORMS.map((x) => (
          <option key={x} value={x}>
            {t.guide.platformOptions[x]}
          </option>
        ))}
      </select>
    </div>
  );
}

/** What a correction sends besides the fields: why, which files stay, and the item's latest entry as seen. */
export interface CorrectionExtras {
  readonly reason: string;
  readonly keepFiles: readonly string[];
  readonly expectedSeq: number | undefined;
}

/**
 * One evidence item being written: its fields' state, the multipart body the evidence routes take,
 * and a reset. The ids are `<idPrefix>-url`, `-platform`, `-account`, `-posted`, `-text`, `-files`.
 * With `initial` (a correction) the fields start from the item as it stands.
 */
export function useEvidenceItemDraft(idPrefix: string, initial?: EvidenceItemView) {
  const [url, setUrl] = useState(initial?.postUrl ?? '');
  const [platform, setPlatform] = useState<Platform | ''>(initial?.platform ?? '');
  const [accountId, setAccountId] = useState(initial?.accountId ?? '');
  const [postedAt, setPostedAt] = useState(initial?.postedAt?.asShown ?? '');
  const [text, setText] = useState(initial?.text ?? '');
  const [files, setFiles] = useState<File[]>([]);
  const [invalid, setInvalid] = useState<'url' | 'files' | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  // The service follows the address until someone chooses one.
  const chosen: Platform = platform || platformOfUrl(url) || 'other';

  /** The item and its files as form data; null, with the first wrong field marked and focused, when not ready. */
  const toForm = (): FormData | null => {
    if (!isHttpUrl(url)) {
      setInvalid('url');
      document.getElementById(`${idPrefix}-url`)?.focus();
      return null;
    }
    if (files.length === 0) {
      setInvalid('files');
      fileInput.current?.focus();
      return null;
    }
    const item = {
      platform: chosen,
      postUrl: url.trim(),
      ...(accountId.trim() ? { accountId: accountId.trim() } : {}),
      ...(postedAt.trim() ? { postedAt: { asShown: postedAt.trim() } } : {}),
      ...(text.trim() ? { text: text.trim() } : {}),
    };
    const form = new FormData();
    form.append('data', JSON.stringify({ item }));
    for (const file of files) form.append('files', file, file.name);
    return form;
  };

  /**
   * A correction of `initial` as form data: the item as it should read now (what the form does not show, such as
   * the display name, legal notes and the post time's instant, carried over), the reason and the files kept;
   * null, with the URL marked, when the address is wrong.
   */
  const toCorrectionForm = (extras: CorrectionExtras): FormData | null => {
    if (!isHttpUrl(url)) {
      setInvalid('url');
      document.getElementById(`${idPrefix}-url`)?.focus();
      return null;
    }
    const before = initial?.postedAt;
    const shown = postedAt.trim();
    const item = {
      platform: chosen,
      postUrl: url.trim(),
      ...(accountId.trim() ? { accountId: accountId.trim() } : {}),
      ...(initial?.displayName ? { displayName: initial.displayName } : {}),
      ...(shown
        ? { postedAt: before && before.asShown === shown ? { ...before } : { asShown: shown } }
        : {}),
      ...(text.trim() ? { text: text.trim() } : {}),
      ...(initial?.legal ? { legal: initial.legal } : {}),
    };
    const form = new FormData();
    form.append(
      'data',
      JSON.stringify({
        item,
        reason: extras.reason.trim(),
        keepFiles: extras.keepFiles,
        ...(extras.expectedSeq === undefined ? {} : { expectedSeq: extras.expectedSeq }),
      }),
    );
    for (const file of files) form.append('files', file, file.name);
    return form;
  };

  const reset = () => {
    setUrl('');
    setPlatform('');
    setAccountId('');
    setPostedAt('');
    setText('');
    setFiles([]);
    if (fileInput.current) fileInput.current.value = '';
  };

  return {
    idPrefix,
    url,
    setUrl,
    chosen,
    setPlatform,
    accountId,
    setAccountId,
    postedAt,
    setPostedAt,
    text,
    setText,
    setFiles,
    invalid,
    setInvalid,
    fileInput,
    files,
    toForm,
    toCorrectionForm,
    reset,
  };
}

export type EvidenceItemDraft = ReturnType<typeof useEvidenceItemDraft>;

/** The texts of the item form, from the victim catalog or the console's; a help line is optional. */
export interface EvidenceItemTexts {
  readonly urlLabel: string;
  readonly urlHelp?: string;
  readonly urlInvalid: string;
  readonly platformLabel: string;
  readonly accountLabel: string;
  readonly postedAtLabel: string;
  readonly postedAtHelp?: string;
  readonly textLabel: string;
  readonly filesLabel: string;
  readonly filesHelp?: string;
  readonly noFiles: string;
}

/** The fields of one evidence item (victim page and console): address, service, account, time as shown, text, files. */
export function EvidenceItemFields({
  draft,
  texts,
  textRows,
}: {
  readonly draft: EvidenceItemDraft;
  readonly texts: EvidenceItemTexts;
  readonly textRows: number;
}) {
  const id = draft.idPrefix;
  return (
    <>
      <UrlField
        id={`${id}-url`}
        label={texts.urlLabel}
        help={texts.urlHelp}
        invalidText={texts.urlInvalid}
        invalid={draft.invalid === 'url'}
        value={draft.url}
        onChange={(value) => {
          draft.setInvalid(null);
          draft.setUrl(value);
        }}
      />
      <PlatformField id={`${id}-platform`} label={texts.platformLabel} value={draft.chosen} onChange={draft.setPlatform} />
      <div className="field">
        <label htmlFor={`${id}-account`}>{texts.accountLabel}</label>
        <input
          id={`${id}-account`}
          type="text"
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          value={draft.accountId}
          onChange={(e) => draft.setAccountId(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-posted`}>{texts.postedAtLabel}</label>
        {texts.postedAtHelp ? (
          <p className="field-help" id={`${id}-posted-help`}>
            {texts.postedAtHelp}
          </p>
        ) : null}
        <input
          id={`${id}-posted`}
          type="text"
          autoComplete="off"
          maxLength={100}
          value={draft.postedAt}
          aria-describedby={describedBy(texts.postedAtHelp && `${id}-posted-help`)}
          onChange={(e) => draft.setPostedAt(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-text`}>{texts.textLabel}</label>
        <textarea
          id={`${id}-text`}
          rows={textRows}
          maxLength={20000}
          value={draft.text}
          onChange={(e) => draft.setText(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-files`}>{texts.filesLabel}</label>
        {texts.filesHelp ? (
          <p className="field-help" id={`${id}-files-help`}>
            {texts.filesHelp}
          </p>
        ) : null}
        <input
          id={`${id}-files`}
          ref={draft.fileInput}
          name="files"
          type="file"
          multiple
          accept={EVIDENCE_TYPES.join(',')}
          aria-invalid={draft.invalid === 'files' ? true : undefined}
          aria-describedby={describedBy(
            texts.filesHelp && `${id}-files-help`,
            draft.invalid === 'files' && `${id}-files-error`,
          )}
          onChange={(e) => {
            draft.setInvalid(null);
            draft.setFiles([...(e.currentTarget.files ?? [])]);
          }}
        />
        {draft.invalid === 'files' ? (
          <p id={`${id}-files-error`} className="field-error">
            {texts.noFiles}
          </p>
        ) : null}
      </div>
    </>
  );
}
