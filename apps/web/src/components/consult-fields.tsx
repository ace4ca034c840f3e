import { PLATFORMS, type Platform } from '@mimamoru/core';
import type { ReactNode } from 'react';
import { useT } from '../i18n/locale-context.js';
import { Choice } from './choice.js';

// Pieces shared by the public consultation form (/consult) and the staff "new case" form: each page
// keeps its own ids, wording and what a change clears; these only draw the same controls the same way.

/** The list with `value` added (moved last) or taken out. */
export const toggleIn = <T,>(list: readonly T[], value: T, on: boolean): T[] =>
  on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);

/**
 * A form's per-field error plumbing: `describedBy` (help ids, then the error's id), `invalid`
 * (aria-invalid) and `errorText` (the error under the control, linked by that id).
 */
export function fieldErrors<K extends string>(
  errors: Partial<Record<K, string>>,
  errorId: (key: K) => string,
): {
  readonly describedBy: (key: K | null, ...helpIds: string[]) => string | undefined;
  readonly invalid: (key: K) => true | undefined;
  readonly errorText: (key: K) => ReactNode;
} {
  return {
    describedBy: (key, ...helpIds) => {
      const ids = [...helpIds, ...(key && errors[key] ? [errorId(key)] : [])];
      return ids.length > 0 ? ids.join(' ') : undefined;
    },
    invalid: (key) => (errors[key] ? true : undefined),
    errorText: (key) =>
      errors[key] ? (
        <p className="field-error" id={errorId(key)}>
          {errors[key]}
        </p>
      ) : null,
  };
}

/** Option cards, one per value (ids `${idPrefix}-${value}`): radios for one choice, checkboxes for several. */
export function ChoiceList<T extends string>({
  type,
  idPrefix,
  name,
  options,
  isChecked,
  onChange,
  label,
  example,
  compact = false,
}: {
  readonly type: 'checkbox' | 'radio';
  readonly idPrefix: string;
  readonly name: string;
  readonly options: readonly T[];
  readonly isChecked: (option: T) => boolean;
  /** `on` is the new checked state (always true for a radio). */
  readonly onChange: (option: T, on: boolean) => void;
  readonly label: (option: T) => ReactNode;
  readonly example?: (option: T) => ReactNode;
  readonly compact?: boolean;
}) {
  return (
    <div className={compact ? 'choices choices-compact' : 'choices'}>
      {options.map((option) => (
        <Choice
          key={option}
          type={type}
          id={`${idPrefix}-${option}`}
          name={name}
          value={option}
          checked={isChecked(option)}
          onChange={(e) => onChange(option, e.target.checked)}
          label={label(option)}
          example={example?.(option)}
        />
      ))}
    </div>
  );
}

/** The platforms the posts are on, as compact checkboxes (ids `${idPrefix}-${platform}`). */
export function PlatformChoices({
  idPrefix,
  value,
  onChange,
}: {
  readonly idPrefix: string;
  readonly value: readonly Platform[];
  readonly onChange: (next: Platform[]) => void;
}) {
  const t = useT();
  return (
    <ChoiceList
      type="checkbox"
      idPrefix={idPrefix}
      name="platforms"
      options={PLATFORMS}
      isChecked={(platform) => value.includes(platform)}
      onChange={(platform, on) => onChange(toggleIn(value, platform, on))}
      label={(platform) => t.guide.platformOptions[platform]}
      compact
    />
  );
}
