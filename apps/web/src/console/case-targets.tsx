import { platformOfUrl, TARGET_TRACKS, type Platform, type TargetTrack } from '@mimamoru/core';
import type { PostTargetMove } from '@mimamoru/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { isHttpUrl, PlatformField, UrlField } from '../components/evidence-item-fields.js';
import { LoadError, Loading } from '../components/load-state.js';
import { useLocale, useT } from '../i18n/locale-context.js';
import { handleStaffError, useCT } from './console-app.js';
import { addTarget, fetchTargets, moveTarget, type PostTarget, type PostTargetList } from './targets-api.js';
import { WriteProblemNotice, writeProblem, type WriteProblem } from './staff-resource.js';
import './console-settings.css';

/**
 * The case page's "posts" panel: each offending URL with its removal and identification tracks, a
 * button per state the core machine allows next, and a form to add a post staff found.
 */
export function CaseTargets({
  caseId,
  csrf,
  onChanged,
}: {
  readonly caseId: string;
  readonly csrf: string;
  /** Called after a change, so the case page reloads its timeline. */
  readonly onChanged: () => void;
}) {
  const c = useCT();
  const p = c.targets;
  const t = useT();
  const { locale } = useLocale();
  const [targets, setTargets] = useState<PostTarget[] | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<WriteProblem | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    setLoadFailed(false);
    fetchTargets(caseId, locale, controller.signal).then(
      (list) => setTargets(list.targets),
      (error: unknown) => {
        if (controller.signal.aborted || handleStaffError(error)) return;
        setLoadFailed(true);
      },
    );
    return () => controller.abort();
  }, [caseId, locale, attempt]);

  /** Runs a write answering the whole list; true when it worked. */
  const run = async (write: () => Promise<PostTargetList>, done: string): Promise<boolean> => {
    if (busy) return false;
    setBusy(true);
    setProblem(null);
    setStatus('');
    try {
      setTargets((await write()).targets);
      setStatus(done);
      onChanged();
      return true;
    } catch (error) {
      const found = writeProblem(error, 'cases.target_stale', c.networkError);
      if (found) setProblem(found);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const stateName = (track: TargetTrack, state: string) =>
    track === 'takedown'
      ? p.takedown[state as keyof typeof p.takedown]
      : p.disclosure[state as keyof typeof p.disclosure];

  const move = (target: PostTarget, track: TargetTrack, to: string) => {
    const body = { track, to, version: target.version } as PostTargetMove;
    void run(
      () => moveTarget(caseId, target.id, body, csrf, locale),
      p.changed(p.tracks[track], stateName(track, to)),
    );
  };

  return (
    <section aria-labelledby="case-targets" className="console-panel">
      <h2 id="case-targets">{p.title}</h2>
      <p className="small">{p.intro}</p>
      <p className="visually-hidden" role="status">
        {status}
      </p>
      <WriteProblemNotice
        problem={problem}
        staleText={p.stale}
        reloadText={p.reload}
        onReload={() => {
          setProblem(null);
          setAttempt((n) => n + 1);
        }}
      />
      {loadFailed ? <LoadError message={c.loadError} onRetry={() => setAttempt((n) => n + 1)} /> : null}
      {targets === null && !loadFailed ? <Loading /> : null}
      {targets !== null && targets.length === 0 ? <p>{p.none}</p> : null}
      {targets !== null && targets.length > 0 ? (
        <ul className="console-targets" aria-label={p.caption}>
          {targets.map((target, index) => {
            const label = `${t.guide.platformOptions[target.platform]} #${index + 1}`;
            return (
              <li key={target.id} className="console-target">
                <p className="console-target-url">
                  <strong>{label}</strong> <span className="console-mono">{target.url}</span>
                </p>
                <dl className="console-target-tracks">
                  {TARGET_TRACKS.map((track) => {
                    const next: readonly string[] = target.next[track];
                    return (
                      <div key={track}>
                        <dt>{p.tracks[track]}</dt>
                        <dd>
                          <span className="console-target-state">
                            {p.now}: <strong>{stateName(track, target[track])}</strong>
                          </span>
                          {next.length === 0 ? (
                            <span className="small console-state-final">{p.final}</span>
                          ) : (
                            <div
                              className="console-target-actions"
                              role="group"
                              aria-label={`${label} ${p.tracks[track]}`}
                            >
                              {next.map((state) => (
                                <button
                                  key={state}
                                  type="button"
                                  className="button button-secondary button-small"
                                  aria-label={p.moveLabel(p.tracks[track], stateName(track, state), label)}
                                  disabled={busy}
                                  onClick={() => move(target, track, state)}
                                >
                                  {p.moveTo(stateName(track, state))}
                                </button>
                              ))}
                            </div>
                          )}
                        </dd>
                      </div>
                    );
                  })}
                </dl>
              </li>
            );
          })}
        </ul>
      ) : null}
      <AddTarget
        busy={busy}
        onAdd={(url, platform) => run(() => addTarget(caseId, { url, platform }, csrf, locale), p.added)}
      />
    </section>
  );
}

function AddTarget({
  busy,
  onAdd,
}: {
  readonly busy: boolean;
  readonly onAdd: (url: string, platform: Platform) => Promise<boolean>;
}) {
  const p = useCT().targets;
  const [url, setUrl] = useState('');
  const [platform, setPlatform] = useState<Platform | ''>('');
  const [invalid, setInvalid] = useState(false);
  // The platform follows the address until staff choose one themselves.
  const chosen: Platform = platform || platformOfUrl(url) || 'other';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!isHttpUrl(url)) {
      setInvalid(true);
      document.getElementById('target-url')?.focus();
      return;
    }
    if (await onAdd(url.trim(), chosen)) {
      setUrl('');
      setPlatform('');
    }
  };

  return (
    <>
      <h3>{p.addTitle}</h3>
      <form className="console-inline-form" onSubmit={submit} noValidate>
        <UrlField
          id="target-url"
          label={p.urlLabel}
          help={p.urlHelp}
          helpClassName="field-help small"
          invalidText={p.urlInvalid}
          invalid={invalid}
          value={url}
          onChange={(value) => {
            setInvalid(false);
            setUrl(value);
          }}
        />
        <PlatformField id="target-platform" label={p.platformLabel} value={chosen} onChange={setPlatform} />
        <button type="submit" className="button button-secondary" aria-busy={busy} disabled={busy}>
          {p.add}
        </button>
      </form>
    </>
  );
}
