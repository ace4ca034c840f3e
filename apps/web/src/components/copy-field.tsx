import { useState } from 'react';
import { useT } from '../i18n/locale-context.js';

/** A read-only value with a copy button (used for the saved result's id and key). */
export function CopyField({
  label,
  value,
  id,
}: {
  readonly label: string;
  readonly value: string;
  readonly id: string;
}) {
  const t = useT();
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setStatus('copied');
    } catch {
      const input = document.getElementById(id);
      if (input instanceof HTMLInputElement) input.select();
      setStatus('failed');
    }
  };
  return (
    <div className="field copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-row">
        <input
          id={id}
          type="text"
          readOnly
          value={value}
          spellCheck={false}
          autoComplete="off"
          onFocus={(e) => e.currentTarget.select()}
        />
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
