import { formatFingerprint } from '@mimamoru/core';
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { useT } from '../i18n/locale-context.js';
import { usePageTitle } from '../lib/page-title.js';
import { verifyBundleBlob, type BrowserBundleVerdict, type VerifyProgress } from '../lib/verify-bundle.js';
import type { VerifyWorkerMessage } from '../lib/verify-bundle.worker.js';

type State =
  | { readonly kind: 'idle' }
  | { readonly kind: 'checking'; readonly name: string; readonly progress?: VerifyProgress }
  | { readonly kind: 'done'; readonly name: string; readonly verdict: BrowserBundleVerdict };

interface Run {
  readonly verdict: Promise<BrowserBundleVerdict>;
  cancel(): void;
}

/** Checks the file in a Web Worker so the page stays responsive; on the main thread where workers are unavailable. */
function startVerification(file: File, onProgress: (progress: VerifyProgress) => void): Run {
  let worker: Worker | undefined;
  try {
    worker = new Worker(new URL('../lib/verify-bundle.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    worker = undefined;
  }
  if (!worker) return { verdict: verifyBundleBlob(file, onProgress), cancel: () => undefined };
  const running = worker;
  const verdict = new Promise<BrowserBundleVerdict>((resolve) => {
    running.onmessage = (event: MessageEvent<VerifyWorkerMessage>) => {
      if (event.data.type === 'progress') onProgress(event.data.progress);
      else {
        running.terminate();
        resolve(event.data.verdict);
      }
    };
    running.onerror = (event) => {
      // The worker script could not load (an old browser, a blocked script): check here instead.
      event.preventDefault();
      running.terminate();
      resolve(verifyBundleBlob(file, onProgress));
    };
  });
  running.postMessage(file);
  return { verdict, cancel: () => running.terminate() };
}

const percentOf = (p: VerifyProgress) =>
  p.bytesTotal > 0 ? Math.floor((p.bytesDone / p.bytesTotal) * 100) : p.filesTotal > 0 ? Math.floor((p.filesDone / p.filesTotal) * 100) : 0;

/** /verify: checks an evidence bundle ZIP inside the browser; the file never leaves the device. */
export function VerifyPage() {
  const t = useT();
  const v = t.verifyBundle;
  usePageTitle(v.pageTitle);
  const inputId = useId();
  const progressId = useId();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const resultRef = useRef<HTMLDivElement>(null);
  const runRef = useRef<Run | undefined>(undefined);
  useEffect(() => () => runRef.current?.cancel(), []);

  async function onChange(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    runRef.current?.cancel();
    setState({ kind: 'checking', name: file.name });
    const run = startVerification(file, (progress) => {
      if (runRef.current === run) setState({ kind: 'checking', name: file.name, progress });
    });
    runRef.current = run;
    const verdict = await run.verdict;
    if (runRef.current !== run) return;
    runRef.current = undefined;
    setState({ kind: 'done', name: file.name, verdict });
    requestAnimationFrame(() => resultRef.current?.focus());
  }

  return (
    <div className="verify-bundle">
      <h1 tabIndex={-1}>{v.pageTitle}</h1>
      <p className="lead-small">{v.intro}</p>
      <p>{v.local}</p>
      <div className="field">
        <label htmlFor={inputId}>{v.chooseLabel}</label>
        <input id={inputId} type="file" accept=".zip,application/zip" onChange={(e) => void onChange(e)} />
      </div>
      {state.kind === 'checking' && (
        <div className="verify-progress">
          <p role="status">{v.checking(state.name)}</p>
          <label htmlFor={progressId}>{v.progressLabel}</label>
          <progress id={progressId} max={100} value={state.progress ? percentOf(state.progress) : undefined}>
            {state.progress ? `${percentOf(state.progress)}%` : ''}
          </progress>
          {state.progress && <p>{v.progress(state.progress.filesDone, state.progress.filesTotal, percentOf(state.progress))}</p>}
        </div>
      )}
      <div ref={resultRef} tabIndex={-1} aria-live="polite" className="verify-result">
        {state.kind === 'done' && state.verdict.ok && (
          <section className="notice notice-ok" aria-labelledby="verify-ok">
            <h2 id="verify-ok">{v.okTitle}</h2>
            <p>{v.okBody(state.name)}</p>
            <dl>
              <dt>{v.caseNumber}</dt>
              <dd>{state.verdict.summary.caseNumber}</dd>
              <dt>{v.counts}</dt>
              <dd>{v.countsValue(state.verdict.summary.items, state.verdict.summary.files, state.verdict.summary.entries)}</dd>
              <dt>{v.fingerprint}</dt>
              <dd>
                <code>{formatFingerprint(state.verdict.summary.keyFingerprint)}</code>
              </dd>
              <dt>{v.timestamps}</dt>
              <dd>{state.verdict.summary.timestamps}</dd>
            </dl>
            <p>{v.compareFingerprint}</p>
          </section>
        )}
        {state.kind === 'done' && !state.verdict.ok && (
          <section className="notice notice-problem" aria-labelledby="verify-failed">
            <h2 id="verify-failed">{state.verdict.kind === 'unreadable' ? v.unreadableTitle : v.failedTitle}</h2>
            <p>{state.verdict.kind === 'unreadable' ? v.unreadableBody : v.failedBody}</p>
            <dl>
              <dt>{v.problem}</dt>
              <dd>
                <code>{state.verdict.kind}</code> {state.verdict.detail}
              </dd>
              {'file' in state.verdict && state.verdict.file && (
                <>
                  <dt>{v.file}</dt>
                  <dd>
                    <code>{state.verdict.file}</code>
                  </dd>
                </>
              )}
              {'item' in state.verdict && state.verdict.item && (
                <>
                  <dt>{v.item}</dt>
                  <dd>
                    <code>{state.verdict.item}</code>
                  </dd>
                </>
              )}
            </dl>
          </section>
        )}
      </div>
      <p>{v.cli}</p>
    </div>
  );
}
