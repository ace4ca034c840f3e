import { certificatesFromPem, formatFingerprint } from '@mimamoru/core';
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { useT } from '../i18n/locale-context.js';
import { usePageTitle } from '../lib/page-title.js';
import { verifyBundleBlob, type BrowserBundleVerdict, type VerifyOptions, type VerifyProgress } from '../lib/verify-bundle.js';
import type { VerifyWorkerMessage, VerifyWorkerRequest } from '../lib/verify-bundle.worker.js';

type State =
  | { readonly kind: 'idle' }
  | { readonly kind: 'checking'; readonly name: string; readonly progress?: VerifyProgress }
  | { readonly kind: 'done'; readonly name: string; readonly verdict: BrowserBundleVerdict };

/** The optional TSA trust anchors chosen on the page. */
type Anchors =
  | { readonly kind: 'none' }
  | { readonly kind: 'loaded'; readonly name: string; readonly pem: string }
  | { readonly kind: 'invalid'; readonly name: string };

function hasCertificate(pem: string): boolean {
  try {
    return certificatesFromPem(pem).length > 0;
  } catch {
    return false;
  }
}

interface Run {
  readonly verdict: Promise<BrowserBundleVerdict>;
  cancel(): void;
}

/** Checks the file in a Web Worker so the page stays responsive; on the main thread where workers are unavailable. */
function startVerification(file: File, options: VerifyOptions, onProgress: (progress: VerifyProgress) => void): Run {
  let worker: Worker | undefined;
  try {
    worker = new Worker(new URL('../lib/verify-bundle.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    worker = undefined;
  }
  if (!worker) return { verdict: verifyBundleBlob(file, onProgress, options), cancel: () => undefined };
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
      resolve(verifyBundleBlob(file, onProgress, options));
    };
  });
  running.postMessage({ file, options } satisfies VerifyWorkerRequest);
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
  const caId = useId();
  const caHelpId = useId();
  const caStatusId = useId();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [anchors, setAnchors] = useState<Anchors>({ kind: 'none' });
  const resultRef = useRef<HTMLDivElement>(null);
  const runRef = useRef<Run | undefined>(undefined);
  const fileRef = useRef<File | undefined>(undefined);
  useEffect(() => () => runRef.current?.cancel(), []);

  function onChange(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    fileRef.current = file;
    void verify(file, anchors);
  }

  /** Reads the chosen PEM (optional, below the result); a bundle already chosen is checked again against it. */
  async function onAnchorsChange(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    let next: Anchors = { kind: 'none' };
    if (chosen) {
      const pem = await chosen.text();
      next = hasCertificate(pem) ? { kind: 'loaded', name: chosen.name, pem } : { kind: 'invalid', name: chosen.name };
    }
    setAnchors(next);
    // An unreadable PEM is no trust anchor: the bundle is checked again without one, so no stale "anchored" remains.
    if (fileRef.current) void verify(fileRef.current, next);
  }

  async function verify(file: File, using: Anchors) {
    runRef.current?.cancel();
    setState({ kind: 'checking', name: file.name });
    const options: VerifyOptions = using.kind === 'loaded' ? { trustedCertsPem: using.pem } : {};
    const run = startVerification(file, options, (progress) => {
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
        <input id={inputId} type="file" accept=".zip,application/zip" onChange={onChange} />
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
              <dd>{state.verdict.summary.timestamps === 0 ? v.timestampsNone : state.verdict.summary.timestamps}</dd>
            </dl>
            {state.verdict.timestamps.map((stamp, index) => (
              <section key={stamp.file ?? index} className="verify-timestamp" aria-labelledby={`verify-timestamp-${index}`}>
                <h3 id={`verify-timestamp-${index}`}>{v.timestampHeading(index + 1)}</h3>
                <dl>
                  <dt>{v.timestampTime}</dt>
                  <dd>
                    <time dateTime={stamp.genTime}>{v.timestampAt(stamp.genTime)}</time>
                  </dd>
                  <dt>{v.timestampTsa}</dt>
                  <dd>{stamp.tsa}</dd>
                  <dt>{v.timestampStatus}</dt>
                  <dd data-timestamp-status={stamp.status}>
                    {stamp.status === 'anchored'
                      ? v.timestampAnchored
                      : stamp.status === 'signature'
                        ? v.timestampSignature
                        : v.timestampUnchecked}
                  </dd>
                </dl>
              </section>
            ))}
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
      <div className="field">
        <label htmlFor={caId}>{v.caLabel}</label>
        <p id={caHelpId} className="hint">
          {v.caHelp}
        </p>
        <input
          id={caId}
          type="file"
          accept=".pem,.crt,.cer,application/x-pem-file"
          aria-describedby={`${caHelpId} ${caStatusId}`}
          aria-invalid={anchors.kind === 'invalid' || undefined}
          onChange={(e) => void onAnchorsChange(e)}
        />
        <p id={caStatusId} role="status" className={anchors.kind === 'invalid' ? 'field-error' : undefined}>
          {anchors.kind === 'loaded' ? v.caLoaded(anchors.name) : anchors.kind === 'invalid' ? v.caInvalid(anchors.name) : ''}
        </p>
      </div>
      <p>{v.cli}</p>
    </div>
  );
}
