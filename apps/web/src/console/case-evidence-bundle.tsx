import { useId, useRef, useState } from 'react';
import { useLocale } from '../i18n/locale-context.js';
import { ApiRequestError } from '../lib/api.js';
import { handleStaffError } from './console-app.js';
import { evidenceBundleMessages, formatSize } from './evidence-bundle-messages.js';
import { evidenceMessages } from './evidence-messages.js';

type SaveFilePicker = (options: {
  suggestedName: string;
  types: { description: string; accept: Record<string, string[]> }[];
}) => Promise<FileSystemFileHandle>;

/** The File System Access API's picker (Chromium); absent elsewhere. */
function savePicker(): SaveFilePicker | undefined {
  const picker = (window as unknown as { showSaveFilePicker?: SaveFilePicker }).showSaveFilePicker;
  return typeof picker === 'function' ? picker.bind(window) : undefined;
}

type Phase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'preparing' }
  | { readonly kind: 'downloading'; readonly received: number; readonly total: number; readonly items: number; readonly files: number }
  | { readonly kind: 'done'; readonly message: string }
  | { readonly kind: 'failed'; readonly message: string };

/** Blob parts are folded into one Blob every this many bytes, so the page never holds much in JavaScript memory. */
const FOLD_BYTES = 32 * 1024 * 1024;

/**
 * "Export the evidence bundle": POSTs to the bundle route (CSRF header). While the server renders the report the
 * panel says so; once the headers arrive (exact Content-Length, item and file counts) a determinate progress bar
 * follows the bytes. With "save directly" (browsers with showSaveFilePicker) the ZIP streams into the chosen file
 * with bounded memory; otherwise it is collected as a Blob (Chromium keeps large blobs on disk) and downloaded under
 * the server's file name. The browser verification page (/verify) checks what was saved.
 */
export function CaseEvidenceBundle({
  caseId,
  csrf,
  items,
}: {
  readonly caseId: string;
  readonly csrf: string;
  /** Current items of the locker, for the "preparing the report" message. */
  readonly items?: number;
}) {
  const { locale } = useLocale();
  const m = evidenceMessages(locale);
  const b = evidenceBundleMessages(locale);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [direct, setDirect] = useState(false);
  const lastDraw = useRef(0);
  const progressId = useId();
  const picker = savePicker();
  const busy = phase.kind === 'preparing' || phase.kind === 'downloading';

  const exportBundle = async () => {
    if (busy) return;
    let handle: FileSystemFileHandle | undefined;
    if (direct && picker) {
      try {
        // Asked first: the picker needs the click's user activation.
        handle = await picker({
          suggestedName: `evidence-${new Date().toISOString().slice(0, 10)}.zip`,
          types: [{ description: 'ZIP', accept: { 'application/zip': ['.zip'] } }],
        });
      } catch {
        setPhase({ kind: 'failed', message: b.cancelled });
        return;
      }
    }
    setPhase({ kind: 'preparing' });
    let writable: FileSystemWritableFileStream | undefined;
    let received = 0;
    try {
      const res = await fetch(`/api/cases/${encodeURIComponent(caseId)}/evidence/bundle`, {
        method: 'POST',
        headers: { 'x-csrf-token': csrf, 'Accept-Language': locale },
        credentials: 'same-origin',
      });
      if (!res.ok || !res.body) {
        const body = (await res.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
        if (handleStaffError(new ApiRequestError(res.status, `http-${res.status}`))) {
          setPhase({ kind: 'idle' });
          return;
        }
        setPhase({ kind: 'failed', message: body?.error?.message ?? m.exportFailed });
        return;
      }
      const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'evidence.zip';
      const total = Number(res.headers.get('content-length') ?? 0);
      const counts = {
        items: Number(res.headers.get('x-evidence-items') ?? items ?? 0),
        files: Number(res.headers.get('x-evidence-files') ?? 0),
      };
      setPhase({ kind: 'downloading', received: 0, total, ...counts });
      const progress = (done: boolean) => {
        const now = performance.now();
        if (!done && now - lastDraw.current < 250) return;
        lastDraw.current = now;
        setPhase({ kind: 'downloading', received, total, ...counts });
      };

      if (handle) {
        writable = await handle.createWritable();
        const counter = new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            received += chunk.byteLength;
            progress(false);
            controller.enqueue(chunk);
          },
        });
        await res.body.pipeThrough(counter).pipeTo(writable);
        writable = undefined;
        progress(true);
        setPhase({ kind: 'done', message: b.savedDirect(handle.name) });
        return;
      }

      let blob = new Blob([], { type: 'application/zip' });
      let parts: Uint8Array<ArrayBuffer>[] = [];
      let pending = 0;
      const reader = res.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value as Uint8Array<ArrayBuffer>);
        pending += value.byteLength;
        received += value.byteLength;
        if (pending >= FOLD_BYTES) {
          blob = new Blob([blob, ...parts], { type: 'application/zip' });
          parts = [];
          pending = 0;
        }
        progress(false);
      }
      blob = new Blob([blob, ...parts], { type: 'application/zip' });
      progress(true);
      if (total > 0 && blob.size !== total) throw new Error('short bundle');
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setPhase({ kind: 'done', message: m.exported(name) });
    } catch {
      await writable?.abort().catch(() => undefined);
      setPhase({ kind: 'failed', message: received > 0 && handle ? b.interrupted : m.exportFailed });
    }
  };

  const percent = phase.kind === 'downloading' && phase.total > 0 ? Math.min(100, Math.floor((phase.received / phase.total) * 100)) : 0;
  const progressText =
    phase.kind === 'downloading' ? b.progress(percent, formatSize(phase.received, locale), formatSize(phase.total, locale)) : '';
  const status =
    phase.kind === 'preparing'
      ? b.preparing(items)
      : phase.kind === 'downloading'
        ? b.downloading(phase.items, phase.files)
        : phase.kind === 'done' || phase.kind === 'failed'
          ? phase.message
          : '';

  return (
    <div className="field">
      {picker ? (
        <label className="small">
          <input type="checkbox" checked={direct} disabled={busy} onChange={(event) => setDirect(event.target.checked)} />{' '}
          {b.saveDirect}
        </label>
      ) : null}
      <button type="button" className="button button-secondary" aria-busy={busy} disabled={busy} onClick={() => void exportBundle()}>
        {m.exportBundle}
      </button>
      <p role="status" className="small">
        {status}
      </p>
      {phase.kind === 'downloading' ? (
        <>
          <label htmlFor={progressId} className="small">
            {b.progressLabel}
          </label>
          <progress id={progressId} className="bundle-progress" max={100} value={percent} aria-valuetext={progressText}>
            {progressText}
          </progress>
          <p className="small" aria-hidden="true">
            {progressText}
          </p>
        </>
      ) : null}
    </div>
  );
}
