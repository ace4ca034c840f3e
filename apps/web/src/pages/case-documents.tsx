import type { Locale, Platform } from '@mimamoru/core';
import type { EvidenceLocker, PlatformRoutes } from '@mimamoru/contracts';
import { useEffect, useMemo, useRef, useState } from 'react';
import { DocumentList } from '../components/document-list.js';
import { DocumentWorkbench, type PickableItem } from '../components/document-workbench.js';
import { fetchPlatformRoutes, type DocumentsScope } from '../components/documents-api.js';
import { documentsMessages, type DocumentsMessages } from '../components/documents-messages.js';
import { itemNumbers } from '../components/evidence-record.js';
import { Loading } from '../components/load-state.js';
import { useLocale, useT } from '../i18n/locale-context.js';
import { setCaseSession, useCaseSession } from '../intake/victim-session.js';
import { ApiRequestError, request } from '../lib/api.js';
import { Link } from '../lib/router.js';

/** The kinds a victim prepares for themselves (contracts VICTIM_DOCUMENT_KINDS; the rest are made with staff). */
const VICTIM_KINDS = ['takedown-request', 'disclosure-request'] as const;

const japanTime = (iso: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'ja-JP', {
    timeZone: 'Asia/Tokyo',
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));

/**
 * /case/documents: the victim prepares the deletion request or the 開示請求書 themselves (#7). The services' own
 * 情プラ法 routes come first (DOMAIN.md §8), then the form with plain-language help, the preview and the download.
 */
export function CaseDocumentsPage() {
  const session = useCaseSession();
  const t = useT();
  const { locale } = useLocale();
  const m = documentsMessages(locale);
  const v = m.victim;
  const heading = useRef<HTMLHeadingElement>(null);
  const [locker, setLocker] = useState<EvidenceLocker | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [ended, setEnded] = useState(false);
  const [round, setRound] = useState(0);
  const scope = useMemo<DocumentsScope | null>(
    () => (session ? { audience: 'victim', csrf: session.csrfToken } : null),
    [session],
  );

  useEffect(() => {
    heading.current?.focus();
  }, []);

  /** A 401: the case session ended (idle, or the key was changed): back to the case page's sign-in. */
  const handleError = (error: unknown): boolean => {
    if (error instanceof ApiRequestError && error.status === 401) {
      setCaseSession(null);
      setEnded(true);
      return true;
    }
    return false;
  };

  useEffect(() => {
    if (!session) return;
    const controller = new AbortController();
    request<EvidenceLocker>('/api/victim/evidence', locale, {}, controller.signal).then(setLocker, (error: unknown) => {
      if (controller.signal.aborted) return;
      if (error instanceof ApiRequestError && error.status === 401) {
        setCaseSession(null);
        setEnded(true);
      } else setLoadFailed(true);
    });
    return () => controller.abort();
  }, [session, locale]);

  const items = useMemo<PickableItem[]>(() => {
    if (!locker) return [];
    const numbers = itemNumbers(locker.entries);
    return locker.items.map((item) => ({ item, number: numbers.get(item.id) ?? 0 }));
  }, [locker]);
  const platforms = [...new Set(items.map((i) => i.item.platform))];

  return (
    <div className="case case-documents-page">
      <p>
        <Link to="/case">← {v.back}</Link>
      </p>
      <h1 tabIndex={-1} ref={heading}>
        {v.pageTitle}
      </h1>
      {!session || !scope ? (
        <div className={ended ? 'notice notice-error' : 'notice'} role={ended ? 'alert' : undefined}>
          <p>{ended ? v.ended : v.noSession}</p>
          <p>
            <Link to="/case" className="button button-secondary">
              {v.openCase}
            </Link>
          </p>
        </div>
      ) : (
        <>
          <p>{v.intro}</p>
          {loadFailed ? (
            <p role="alert" className="notice notice-error">
              {m.loadFailed}
            </p>
          ) : null}
          {!locker && !loadFailed ? <Loading /> : null}
          {platforms.length > 0 ? (
            <section aria-labelledby="doc-routes-title" className="result-section doc-routes">
              <h2 id="doc-routes-title">{v.routesTitle}</h2>
              <p>{v.routesIntro}</p>
              {platforms.map((platform) => (
                <PlatformRoutesPanel
                  key={platform}
                  platform={platform}
                  name={t.guide.platformOptions[platform]}
                  m={m}
                  locale={locale}
                />
              ))}
            </section>
          ) : null}
          {locker ? (
            <section aria-labelledby="doc-form-title" className="result-section">
              <h2 id="doc-form-title">{v.formTitle}</h2>
              <DocumentWorkbench
                scope={scope}
                kinds={VICTIM_KINDS}
                items={items}
                m={m}
                locale={locale}
                platformName={(platform) => t.guide.platformOptions[platform]}
                help={v.help}
                kindHelp={v.kindHelp}
                onGenerated={() => setRound((n) => n + 1)}
                handleError={handleError}
                headingLevel={3}
              />
            </section>
          ) : null}
          <div className="result-section">
            <DocumentList
              scope={scope}
              m={m}
              locale={locale}
              round={round}
              formatTime={(iso) => japanTime(iso, locale)}
              handleError={handleError}
              headingLevel={2}
            />
          </div>
        </>
      )}
    </div>
  );
}

/** One service's ways to ask for removal: its own 情プラ法 route first (as the server orders them), with sources. */
function PlatformRoutesPanel({
  platform,
  name,
  m,
  locale,
}: {
  readonly platform: Platform;
  readonly name: string;
  readonly m: DocumentsMessages;
  readonly locale: Locale;
}) {
  const v = m.victim;
  const [routes, setRoutes] = useState<PlatformRoutes | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    fetchPlatformRoutes(platform, locale, controller.signal).then(setRoutes, () => {
      if (!controller.signal.aborted) setFailed(true);
    });
    return () => controller.abort();
  }, [platform, locale]);
  const id = `doc-routes-${platform}`;
  return (
    <section aria-labelledby={id} className="doc-platform-routes">
      <h3 id={id}>{v.routesFor(name)}</h3>
      {failed ? <p className="small">{v.routesFailed}</p> : null}
      {routes ? (
        <>
          <p className="small">
            {routes.designated && routes.provider
              ? v.designated(routes.provider.name, routes.provider.designatedOn)
              : v.notDesignated}
          </p>
          <ol className="doc-route-list">
            {routes.routes.map((route, index) => (
              <li key={route.id} className={index === 0 && route.kind === 'jpa-form' ? 'doc-route doc-route-first' : 'doc-route'}>
                {index === 0 && route.kind === 'jpa-form' ? <span className="doc-route-badge">{v.first}</span> : null}
                <strong>{route.title[locale]}</strong>
                <p className="small">{route.detail[locale]}</p>
                {route.url ? (
                  <p className="small">
                    <a href={route.url} target="_blank" rel="noopener noreferrer">
                      {route.url}
                    </a>
                  </p>
                ) : null}
                {route.email ? (
                  <p className="small">
                    <a href={`mailto:${route.email}`}>{route.email}</a>
                  </p>
                ) : null}
                {route.document ? <p className="small">{v.usesDocument(m.kinds[route.document].name)}</p> : null}
                {!route.verified ? <p className="small doc-unverified">{v.unverified}</p> : null}
                {route.sources.length > 0 ? (
                  <details className="small">
                    <summary>{v.sources}</summary>
                    <ul>
                      {route.sources.map((source) => (
                        <li key={source} className="doc-source">
                          {source}
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : null}
              </li>
            ))}
          </ol>
          <p className="small">{v.checkedOn(routes.checkedOn)}</p>
        </>
      ) : null}
    </section>
  );
}
