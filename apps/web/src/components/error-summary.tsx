import { forwardRef, type MouseEvent } from 'react';

export interface SummaryItem {
  /** The id of the control to move to, or null for a problem that belongs to no field. */
  readonly fieldId: string | null;
  readonly message: string;
}

/** Focuses a control and brings it into view, for links of an error summary. */
export function focusField(fieldId: string): void {
  const element = document.getElementById(fieldId);
  if (!element) return;
  element.focus({ preventScroll: true });
  element.scrollIntoView({ block: 'center', behavior: 'instant' });
}

/**
 * The list of problems at the top of a form (WCAG 3.3.1 / 3.3.3): each links to its field.
 * The form focuses it when it appears, so its heading is read first.
 */
export const ErrorSummary = forwardRef<
  HTMLDivElement,
  { readonly title: string; readonly intro: string; readonly items: readonly SummaryItem[] }
>(function ErrorSummary({ title, intro, items }, ref) {
  const go = (event: MouseEvent<HTMLAnchorElement>, fieldId: string) => {
    event.preventDefault();
    focusField(fieldId);
  };
  return (
    <div className="error-summary" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{title}</h2>
      <p>{intro}</p>
      <ul>
        {items.map((item, i) => (
          <li key={`${item.fieldId ?? 'general'}-${i}`}>
            {item.fieldId ? (
              <a href={`#${item.fieldId}`} onClick={(e) => go(e, item.fieldId as string)}>
                {item.message}
              </a>
            ) : (
              item.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
});
