import { fillTemplate, templateDate, type Locale } from '@mimamoru/core';
import { useState } from 'react';
import { useLocale } from '../i18n/locale-context.js';
import { useStaffApi } from './staff-resource.js';
import { useCT } from './console-app.js';
import { fetchTemplates } from './settings-api.js';
import './console-settings.css';

/** Today in Japan (YYYY-MM-DD). */
function todayInJapan(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());
}

/**
 * Picks a reply template in the case's language (the victim's) and hands its text, placeholders
 * filled, to the reply form; staff edit it there before sending.
 */
export function ReplyTemplatePicker({
  caseLocale,
  caseNumber,
  consultantName,
  onInsert,
}: {
  readonly caseLocale: string;
  readonly caseNumber: string;
  readonly consultantName: string;
  readonly onInsert: (text: string) => void;
}) {
  const c = useCT();
  const p = c.casePage;
  const { locale } = useLocale();
  const language: Locale = caseLocale === 'en' ? 'en' : 'ja';
  const { state } = useStaffApi(
    (signal) => fetchTemplates({ locale: language }, locale, signal),
    [language, locale],
  );
  const [chosen, setChosen] = useState('');
  if (state.status !== 'ready') return null;
  const templates = state.data.templates;
  if (templates.length === 0) return <p className="small muted">{p.templateNone}</p>;

  const insert = () => {
    const template = templates.find((x) => x.id === chosen);
    if (!template) {
      document.getElementById('case-template')?.focus();
      return;
    }
    onInsert(
      fillTemplate(template.body, {
        caseNumber,
        consultantName,
        today: templateDate(todayInJapan(), language),
      }),
    );
    setChosen('');
  };

  return (
    <div className="console-template-picker">
      <div className="field">
        <label htmlFor="case-template">{p.templateLabel}</label>
        <p className="field-help small" id="case-template-help">
          {p.templateHelp(c.templates.languages[language])}
        </p>
        <select
          id="case-template"
          value={chosen}
          aria-describedby="case-template-help"
          onChange={(e) => setChosen(e.target.value)}
        >
          <option value="">{p.templateChoose}</option>
          {templates.map((x) => (
            <option key={x.id} value={x.id}>
              {x.title}
            </option>
          ))}
        </select>
      </div>
      <button type="button" className="button button-secondary" onClick={insert}>
        {p.templateInsert}
      </button>
    </div>
  );
}
