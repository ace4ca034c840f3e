import { formatFingerprint } from '@mimamoru/core';
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { useT } from '../i18n/locale-context.js';
import { usePageTitle } from '../lib/page-title.js';
import { verifyBundleInBrowser, type BrowserBundleVerdict } from '../lib/verify-bundle.js';

type State =
  | { readonly kind: 'idle' }
  | { readonly kind: 'checking'; readonly name: string }
  | { readonly kind: 'done'; readonly name: string; readonly verdict: BrowserBundleVerdict };

/** /verify: checks an evidence bundle ZIP inside the browser; the file never leaves the device. */
export function VerifyPage() {
  const t = useT();
  const v = t.verifyBundle;
  usePageTitle(v.pageTitle);
  const inputId = useId();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const resultRef = useRef<HTMLDivElement>(null);

  async function onChange(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setState({ kind: 'checking', name: file.name });
    const verdict = await verifyBundleInBrowser(new Uint8Array(await file.arrayBuffer()));
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
      <div ref={resultRef} tabIndex={-1} aria-live="polite" className="verify-result">
        {state.kind === 'checking' && <p>{v.checking(state.name)}</p>}
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
