import { useState } from 'react';
import { useT } from '../i18n/locale-context.js';

/**
 * A read-only value with a copy button (used for the saved result's id and key). `wrap` shows a long
 * value (an access key) in full over several lines instead of a single line that scrolls.
 */
export function CopyField({
  label,
  value,
  id,
  wrap = false,
}: {
  readonly label: string;
  readonly value: string;
  readonly id: string;
  readonly wrap?: boolean;
}) {
  const t = useT();
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setStatus('copied');
    } catch {
      const input = document.getElementById(id);
      if (input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement) input.select();
      setStatus('failed');
    }
  };
  return (
    <div className="field copy-field">
      <label htmlFor={id}>{label}</label>
      <div className={wrap ? 'copy-row copy-row-wrap' : 'copy-row'}>
        {wrap ? (
          <textarea
            id={id}
            readOnly
            rows={Math.min(5, Math.max(2, Math.ceil(value.length / 24)))}
            value={value}
            spellCheck={false}
            autoComplete="off"
            className="copy-value-wrap"
            onFocus={(e) => e.currentTarget.select()}
          />
        ) : (
          <input
            id={id}
            type="text"
            readOnly
            value={value}
            spellCheck={false}
            autoComplete="off"
            onFocus={(e) => e.currentTarget.select()}
          />
        )}
        <button
          type="button"
          className="button button-secondary"
          onClick={copy}
          aria-label={`${label} ${t.common.copy}`}
        >
          {t.common.copy}
        </button>
      </div>
      <p className="copy-status" role="status">
        {status === 'copied' ? t.common.copied : status === 'failed' ? t.common.copyFailed : ''}
      </p>
    </div>
  );
}
