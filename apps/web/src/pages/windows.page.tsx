import { CHANNEL_TYPES, SERVICES, type ChannelType, type Service } from '@mimamoru/core';
import { useMemo, useState } from 'react';
import { ChannelLink } from '../components/channel-link.js';
import { LoadError, Loading } from '../components/load-state.js';
import { languageName, mainChannel, OpenNowBadge } from '../components/window-bits.js';
import { useLocale, useT } from '../i18n/locale-context.js';
import { fetchWindows } from '../lib/api.js';
import { usePageTitle } from '../lib/page-title.js';
import { Link } from '../lib/router.js';
import { useApi } from '../lib/use-api.js';

/** The directory of consultation windows, filtered in the browser. */
export function WindowsPage() {
  const t = useT();
  const { locale } = useLocale();
  usePageTitle(t.windows.pageTitle);
  const { state, reload } = useApi((signal) => fetchWindows(locale, signal), [locale]);
  const [service, setService] = useState<Service | ''>('');
  const [channel, setChannel] = useState<ChannelType | ''>('');
  const [language, setLanguage] = useState('');
  const [openOnly, setOpenOnly] = useState(false);

  const windows = state.status === 'ready' ? state.data.windows : [];
  const languages = useMemo(() => [...new Set(windows.flatMap((w) => w.languages))].sort(), [windows]);
  const shown = windows.filter(
    (w) =>
      (!service || w.services.includes(service)) &&
      (!channel || w.channels.some((c) => c.type === channel)) &&
      (!language || w.languages.includes(language)) &&
      (!openOnly || w.openNow === true),
  );

  return (
    <div className="windows">
      <h1 tabIndex={-1}>{t.windows.pageTitle}</h1>
      <p>{t.windows.intro}</p>

      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-labelledby="filters-title">
        <h2 id="filters-title" className="filters-title">
          {t.windows.filtersTitle}
        </h2>
        <div className="field">
          <label htmlFor="filter-service">{t.windows.serviceLabel}</label>
          <select
            id="filter-service"
            value={service}
            onChange={(e) => setService(e.target.value as Service | '')}
          >
            <option value="">{t.windows.any}</option>
            {SERVICES.map((s) => (
              <option key={s} value={s}>
                {t.windows.services[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-channel">{t.windows.channelLabel}</label>
          <select
            id="filter-channel"
            value={channel}
            onChange={(e) => setChannel(e.target.value as ChannelType | '')}
          >
            <option value="">{t.windows.any}</option>
            {CHANNEL_TYPES.map((c) => (
              <option key={c} value={c}>
                {t.windows.channelTypes[c]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-language">{t.windows.languageLabel}</label>
          <select id="filter-language" value={language} onChange={(e) => setLanguage(e.target.value)}>
            <option value="">{t.windows.any}</option>
            {languages.map((l) => (
              <option key={l} value={l}>
                {languageName(l, t, locale)}
              </option>
            ))}
          </select>
        </div>
        <div className="checkbox-field">
          <input
            id="filter-open"
            type="checkbox"
            checked={openOnly}
            onChange={(e) => setOpenOnly(e.target.checked)}
          />
          <label htmlFor="filter-open">{t.windows.openNowLabel}</label>
        </div>
      </form>

      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? <LoadError message={t.windows.loadError} onRetry={reload} /> : null}
      {state.status === 'ready' ? (
        <>
          <p className="result-count" role="status">
            {t.windows.count(shown.length)}
          </p>
          {shown.length === 0 ? (
            <p>{t.windows.noMatch}</p>
          ) : (
            <ul className="card-list">
              {shown.map((w) => {
                const main = mainChannel(w);
                return (
                  <li key={w.id} className="card window-card">
                    <h2 className="card-title">
                      <Link to={`/windows/${w.id}`}>{w.name}</Link>
                    </h2>
                    <p className="badges">
                      <OpenNowBadge openNow={w.openNow} />
                      <span className="badge badge-neutral">{w.free ? t.windows.free : t.windows.paid}</span>
                    </p>
                    <p>{w.does}</p>
                    {main ? (
                      <div className="main-channel">
                        <span className="small">{t.windows.mainChannel}</span>
                        <ChannelLink channel={main} />
                        <span className="channel-hours">{main.hours}</span>
                      </div>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
        </>
      ) : null}
    </div>
  );
}
