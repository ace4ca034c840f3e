import { ChannelLink } from '../components/channel-link.js';
import { LoadError, Loading } from '../components/load-state.js';
import { languageName, OpenNowBadge } from '../components/window-bits.js';
import { useLocale, useT } from '../i18n/locale-context.js';
import { fetchWindow } from '../lib/api.js';
import { formatDate } from '../lib/format.js';
import { usePageTitle } from '../lib/page-title.js';
import { Link } from '../lib/router.js';
import { useApi } from '../lib/use-api.js';

/** One consultation window with all its channels, hours, conditions and sources. */
export function WindowDetailPage({ id }: { readonly id: string }) {
  const t = useT();
  const { locale } = useLocale();
  const { state, reload } = useApi((signal) => fetchWindow(id, locale, signal), [id, locale]);
  const w = state.status === 'ready' ? state.data.window : null;
  usePageTitle(w?.name ?? t.windows.pageTitle);

  const back = (
    <p className="back-link no-print">
      <Link to="/windows">{t.windows.backToList}</Link>
    </p>
  );

  if (state.status === 'loading') {
    return (
      <div>
        {back}
        <h1 tabIndex={-1}>{t.windows.pageTitle}</h1>
        <Loading />
      </div>
    );
  }
  if (!w) {
    return (
      <div>
        {back}
        <h1 tabIndex={-1}>{t.windows.pageTitle}</h1>
        {state.status === 'error' && state.httpStatus === 404 ? (
          <p className="notice">{t.windows.notFound}</p>
        ) : (
          <LoadError message={t.windows.loadError} onRetry={reload} />
        )}
      </div>
    );
  }

  const s = t.windows.sections;
  return (
    <div className="window-detail">
      {back}
      <h1 tabIndex={-1}>{w.name}</h1>
      <p className="operator">
        <span className="small">{s.operator}</span>
        <br />
        {w.operator}
      </p>
      <p className="badges">
        <OpenNowBadge openNow={w.openNow} />
        <span className="badge badge-neutral">{w.free ? t.windows.free : t.windows.paid}</span>
      </p>

      {w.verified ? null : (
        <div className="notice notice-caveat" role="note" aria-labelledby="caveat-title">
          <h2 id="caveat-title">{t.windows.caveatTitle}</h2>
          <p>{t.windows.caveatBody}</p>
          {w.caveat ? <p>{w.caveat}</p> : null}
        </div>
      )}

      <section aria-labelledby="does-title" className="detail-section">
        <h2 id="does-title">{s.does}</h2>
        <p>{w.does}</p>
        <ul className="inline-badges">
          {w.services.map((service) => (
            <li key={service} className="badge badge-neutral">
              {t.windows.services[service]}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="channels-title" className="detail-section">
        <h2 id="channels-title">{s.channels}</h2>
        <ul className="card-list">
          {w.channels.map((c) => (
            <li key={`${c.type}-${c.value}`} className="card channel-card">
              <p className="small">{t.windows.channelTypes[c.type]}</p>
              <ChannelLink channel={c} large={c.type === 'phone'} />
              <p>
                <OpenNowBadge openNow={c.openNow} />
              </p>
              <p>
                <span className="small">{t.windows.hours}</span>
                <br />
                {c.hours}
              </p>
              {c.note ? <p className="small">{c.note}</p> : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="cost-title" className="detail-section">
        <h2 id="cost-title">{s.cost}</h2>
        <p>{w.cost}</p>
      </section>

      <section aria-labelledby="eligibility-title" className="detail-section">
        <h2 id="eligibility-title">{s.eligibility}</h2>
        <p>{w.eligibility}</p>
      </section>

      <section aria-labelledby="registration-title" className="detail-section">
        <h2 id="registration-title">{s.registration}</h2>
        <p>
          {w.registration ||
            (w.registrationRequired ? t.windows.registrationRequired : t.windows.registrationNotRequired)}
        </p>
      </section>

      <section aria-labelledby="languages-title" className="detail-section">
        <h2 id="languages-title">{s.languages}</h2>
        <p>{w.languages.map((l) => languageName(l, t, locale)).join(locale === 'ja' ? '、' : ', ')}</p>
      </section>

      <section aria-labelledby="sources-title" className="detail-section">
        <h2 id="sources-title">{s.sources}</h2>
        <ul className="source-list">
          {w.sources.map((src) => (
            <li key={src.url}>
              <a href={src.url} target="_blank" rel="noopener noreferrer" className="print-url break">
                {src.url}
                <span className="visually-hidden"> {t.common.opensInNewTab}</span>
              </a>{' '}
              <span className="small">{t.windows.checked(formatDate(src.checked, t.dates.intl, false))}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
