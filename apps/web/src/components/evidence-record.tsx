import type { EvidenceItemView, EvidenceLocker } from '@mimamoru/contracts';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { EvidenceItemFields, useEvidenceItemDraft, type EvidenceItemTexts } from './evidence-item-fields.js';
import type { EvidenceRecordMessages } from './evidence-record-messages.js';
import './evidence-record.css';

type Entry = EvidenceLocker['entries'][number];

/** Items numbered in the order they were added (removed ones keep their number), so the record can name them. */
export function itemNumbers(entries: readonly Entry[]): ReadonlyMap<string, number> {
  const numbers = new Map<string, number>();
  for (const entry of entries)
    if (entry.type === 'add' && !numbers.has(entry.itemId)) numbers.set(entry.itemId, numbers.size + 1);
  return numbers;
}

/** The seq of an item's latest entry: a correction or removal sends it, and the server refuses it if another came since. */
export function latestSeq(entries: readonly Entry[], itemId: string): number | undefined {
  return entries.filter((e) => e.itemId === itemId).at(-1)?.seq;
}

/** Why a write failed: `stale` when the item changed meanwhile (the caller reloads); null when handled elsewhere. */
export type WriteFailure = { readonly stale: boolean; readonly text: string } | null;

/** One line per entry: when, what, who, why. `label` names the item when the list spans several. */
export function EvidenceEntryList({
  entries,
  m,
  actors,
  formatTime,
  label,
}: {
  readonly entries: readonly Entry[];
  readonly m: EvidenceRecordMessages;
  readonly actors: Readonly<Record<Entry['actorType'], string>>;
  readonly formatTime: (iso: string) => string;
  readonly label?: (itemId: string) => string;
}) {
  return (
    <ol className="evidence-record-entries">
      {entries.map((e) => (
        <li key={e.seq}>
          <time dateTime={e.at}>{formatTime(e.at)}</time>
          {label ? ` · ${label(e.itemId)}` : ''} · <strong>{m.entryTypes[e.type]}</strong> ·{' '}
          {actors[e.actorType]}
          {e.reason ? ` · ${m.reason(e.reason)}` : ''}
        </li>
      ))}
    </ol>
  );
}

/** A status or error line that takes focus when it appears (the form above stays as typed). */
function Problem({ text }: { readonly text: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (text) ref.current?.focus();
  }, [text]);
  if (!text) return null;
  return (
    <p className="notice notice-caveat" role="alert" tabIndex={-1} ref={ref}>
      {text}
    </p>
  );
}

/**
 * The sending half of the correction and removal forms: one write at a time; a refusal shows its text, and a
 * stale view (409) also reloads the item through `onStale`.
 */
function useRecordWrite({
  failureOf,
  onSaved,
  onStale,
}: {
  readonly failureOf: (error: unknown) => WriteFailure;
  readonly onSaved: (locker: EvidenceLocker) => void;
  readonly onStale: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const write = async (send: () => Promise<EvidenceLocker | undefined>) => {
    setBusy(true);
    try {
      const next = await send();
      if (next) onSaved(next);
    } catch (error) {
      const failure = failureOf(error);
      if (!failure) return;
      setProblem(failure.text);
      if (failure.stale) onStale();
    } finally {
      setBusy(false);
    }
  };
  return { busy, problem, setProblem, write };
}

/**
 * The shared item form, prefilled with the item as it stands, for a correction: the fields, the files to keep,
 * files to add and the reason. Saving appends a correction; a stale view (409) keeps what was typed, reloads the
 * item through `onStale` and sends the latest entry's seq next time.
 */
export function EvidenceCorrectionForm({
  item,
  number,
  expectedSeq,
  fieldTexts,
  m,
  textRows,
  send,
  failureOf,
  onSaved,
  onStale,
  onCancel,
}: {
  readonly item: EvidenceItemView;
  readonly number: number;
  readonly expectedSeq: number | undefined;
  readonly fieldTexts: EvidenceItemTexts;
  readonly m: EvidenceRecordMessages;
  readonly textRows: number;
  /** Posts the form data; undefined when the session ended (handled by the caller). */
  readonly send: (form: FormData) => Promise<EvidenceLocker | undefined>;
  readonly failureOf: (error: unknown) => WriteFailure;
  readonly onSaved: (locker: EvidenceLocker) => void;
  readonly onStale: () => void;
  readonly onCancel: () => void;
}) {
  const prefix = `evidence-correct-${item.id.slice(0, 8)}`;
  const draft = useEvidenceItemDraft(prefix, item);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const [keep, setKeep] = useState<ReadonlySet<string>>(() => new Set(item.files.map((f) => f.sha256)));
  const { busy, problem, setProblem, write } = useRecordWrite({ failureOf, onSaved, onStale });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setProblem('');
    if (!reason.trim()) {
      setReasonMissing(true);
      document.getElementById(`${prefix}-reason`)?.focus();
      return;
    }
    const kept = item.files.filter((f) => keep.has(f.sha256)).map((f) => f.sha256);
    if (kept.length === 0 && draft.files.length === 0) {
      setProblem(m.noFilesLeft);
      return;
    }
    const form = draft.toCorrectionForm({ reason, keepFiles: kept, expectedSeq });
    if (!form) return;
    await write(() => send(form));
  };

  return (
    <form
      className="evidence-record-form"
      noValidate
      onSubmit={(e) => void submit(e)}
      aria-labelledby={`${prefix}-title`}
    >
      <h4 id={`${prefix}-title`}>{m.correctTitle(number)}</h4>
      <p className="small">{m.correctNote}</p>
      <Problem text={problem} />
      <EvidenceItemFields
        draft={draft}
        texts={{ ...fieldTexts, filesLabel: m.newFilesLabel, filesHelp: undefined }}
        textRows={textRows}
      />
      <fieldset className="field">
        <legend>{m.keepLegend}</legend>
        <p className="field-help" id={`${prefix}-keep-help`}>
          {m.keepHelp}
        </p>
        {item.files.map((file) => (
          <label key={file.sha256} className="evidence-record-keep">
            <input
              type="checkbox"
              checked={keep.has(file.sha256)}
              aria-describedby={`${prefix}-keep-help`}
              onChange={(e) => {
                const next = new Set(keep);
                if (e.target.checked) next.add(file.sha256);
                else next.delete(file.sha256);
                setKeep(next);
              }}
            />{' '}
            {file.name}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${prefix}-reason`}>{m.reasonLabel}</label>
        <p className="field-help" id={`${prefix}-reason-help`}>
          {m.reasonHelp}
        </p>
        <textarea
          id={`${prefix}-reason`}
          rows={2}
          maxLength={1000}
          value={reason}
          aria-invalid={reasonMissing ? true : undefined}
          aria-describedby={`${prefix}-reason-help${reasonMissing ? ` ${prefix}-reason-error` : ''}`}
          onChange={(e) => {
            setReasonMissing(false);
            setReason(e.target.value);
          }}
        />
        {reasonMissing ? (
          <p id={`${prefix}-reason-error`} className="field-error">
            {m.reasonMissing}
          </p>
        ) : null}
      </div>
      <div className="evidence-record-actions">
        <button type="submit" className="button button-primary" aria-busy={busy} disabled={busy}>
          {busy ? m.saving : m.save}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {m.cancel}
        </button>
      </div>
    </form>
  );
}

/** The two buttons under an item in the record: correct it or remove it (which form `onChoose` opens). */
export function EvidenceRecordActions({
  number,
  m,
  onChoose,
}: {
  readonly number: number;
  readonly m: EvidenceRecordMessages;
  readonly onChoose: (mode: 'correct' | 'remove') => void;
}) {
  return (
    <div className="evidence-record-actions">
      <button
        type="button"
        className="button button-secondary button-small"
        aria-label={m.correctLabel(number)}
        onClick={() => onChoose('correct')}
      >
        {m.correct}
      </button>
      <button
        type="button"
        className="button button-secondary button-small"
        aria-label={m.removeLabel(number)}
        onClick={() => onChoose('remove')}
      >
        {m.remove}
      </button>
    </div>
  );
}

/** Removal asks why (the chain keeps the reason); the item stays in the record. */
export function EvidenceRemoveForm({
  itemId,
  number,
  expectedSeq,
  m,
  send,
  failureOf,
  onSaved,
  onStale,
  onCancel,
}: {
  readonly itemId: string;
  readonly number: number;
  readonly expectedSeq: number | undefined;
  readonly m: EvidenceRecordMessages;
  readonly send: (body: { reason: string; expectedSeq?: number }) => Promise<EvidenceLocker | undefined>;
  readonly failureOf: (error: unknown) => WriteFailure;
  readonly onSaved: (locker: EvidenceLocker) => void;
  readonly onStale: () => void;
  readonly onCancel: () => void;
}) {
  const prefix = `evidence-remove-${itemId.slice(0, 8)}`;
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const { busy, problem, setProblem, write } = useRecordWrite({ failureOf, onSaved, onStale });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setProblem('');
    if (!reason.trim()) {
      setMissing(true);
      document.getElementById(`${prefix}-reason`)?.focus();
      return;
    }
    await write(() => send({ reason: reason.trim(), ...(expectedSeq === undefined ? {} : { expectedSeq }) }));
  };
  return (
    <form
      className="evidence-record-form"
      noValidate
      onSubmit={(e) => void submit(e)}
      aria-labelledby={`${prefix}-title`}
    >
      <h4 id={`${prefix}-title`}>{m.removeTitle(number)}</h4>
      <p className="small">{m.removeNote}</p>
      <Problem text={problem} />
      <div className="field">
        <label htmlFor={`${prefix}-reason`}>{m.removeReasonLabel}</label>
        <textarea
          id={`${prefix}-reason`}
          rows={2}
          maxLength={1000}
          value={reason}
          aria-invalid={missing ? true : undefined}
          aria-describedby={missing ? `${prefix}-reason-error` : undefined}
          onChange={(e) => {
            setMissing(false);
            setReason(e.target.value);
          }}
        />
        {missing ? (
          <p id={`${prefix}-reason-error`} className="field-error">
            {m.reasonMissing}
          </p>
        ) : null}
      </div>
      <div className="evidence-record-actions">
        <button type="submit" className="button button-primary" aria-busy={busy} disabled={busy}>
          {m.removeConfirm}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {m.cancel}
        </button>
      </div>
    </form>
  );
}
