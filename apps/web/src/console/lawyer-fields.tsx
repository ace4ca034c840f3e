import type { LAWYER_LANGUAGES, LAWYER_SPECIALTIES } from '@mimamoru/contracts';
import type { DirectoryFilters } from './referrals-api.js';
import { useRT } from './referral-i18n.js';

// Typed against the contracts but not imported at run time (that would bring zod into the chunk).
export const SPECIALTIES: typeof LAWYER_SPECIALTIES = [
  'defamation',
  'privacy',
  'deletion-requests',
  'disclosure-requests',
  'criminal-complaints',
  'impersonation',
  'stalking-threats',
  'minors',
  'business-reputation',
];
export const LANGUAGES: typeof LAWYER_LANGUAGES = [
  'ja',
  'en',
  'zh',
  'ko',
  'es',
  'pt',
  'vi',
  'tl',
  'ne',
  'th',
  'id',
];
export const PREFECTURES = Array.from({ length: 47 }, (_, i) => String(i + 1).padStart(2, '0'));

/** The lawyer directory's filter form: empty means "any"; houterasu only narrows when checked. */
export interface DirectoryFilterForm {
  readonly specialty: string;
  readonly region: string;
  readonly language: string;
  readonly houterasu: boolean;
}

export const NO_DIRECTORY_FILTERS: DirectoryFilterForm = {
  specialty: '',
  region: '',
  language: '',
  houterasu: false,
};

/** The query for the filters set in the form (unset ones are left out). */
export function directoryQuery(form: DirectoryFilterForm): DirectoryFilters {
  return {
    ...(form.specialty ? { specialty: form.specialty } : {}),
    ...(form.region ? { region: form.region } : {}),
    ...(form.language ? { language: form.language } : {}),
    ...(form.houterasu ? { houterasu: true } : {}),
  };
}

function FilterSelect({
  id,
  label,
  value,
  options,
  nameOf,
  onChange,
}: {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly options: readonly string[];
  readonly nameOf: (option: string) => string | undefined;
  readonly onChange: (value: string) => void;
}) {
  const r = useRT();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{r.directory.any}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {nameOf(option)}
          </option>
        ))}
      </select>
    </div>
  );
}

interface DirectoryFieldProps {
  readonly idPrefix: string;
  readonly value: DirectoryFilterForm;
  readonly onChange: (next: DirectoryFilterForm) => void;
}

/** The specialty, region and language selects of a directory search (ids `${idPrefix}-specialty` …). */
export function DirectorySelects({ idPrefix, value, onChange }: DirectoryFieldProps) {
  const r = useRT();
  const d = r.directory;
  return (
    <>
      <FilterSelect
        id={`${idPrefix}-specialty`}
        label={d.specialty}
        value={value.specialty}
        options={SPECIALTIES}
        nameOf={(s) => r.specialties[s as keyof typeof r.specialties]}
        onChange={(specialty) => onChange({ ...value, specialty })}
      />
      <FilterSelect
        id={`${idPrefix}-region`}
        label={d.region}
        value={value.region}
        options={PREFECTURES}
        nameOf={(code) => r.prefectures[code]}
        onChange={(region) => onChange({ ...value, region })}
      />
      <FilterSelect
        id={`${idPrefix}-language`}
        label={d.language}
        value={value.language}
        options={LANGUAGES}
        nameOf={(x) => r.languages[x as keyof typeof r.languages]}
        onChange={(language) => onChange({ ...value, language })}
      />
    </>
  );
}

/** The directory search's "houterasu only" checkbox (id `${idPrefix}-houterasu`). */
export function DirectoryHouterasu({ idPrefix, value, onChange }: DirectoryFieldProps) {
  const r = useRT();
  return (
    <div className="checkbox-field">
      <input
        id={`${idPrefix}-houterasu`}
        type="checkbox"
        checked={value.houterasu}
        onChange={(e) => onChange({ ...value, houterasu: e.target.checked })}
      />
      <label htmlFor={`${idPrefix}-houterasu`}>{r.directory.houterasuOnly}</label>
    </div>
  );
}

/** A group of checkboxes choosing a set (ids `${idPrefix}-${item}`). */
export function CheckList<T extends string>({
  idPrefix,
  items,
  selected,
  nameOf,
  onChange,
  className = 'referral-checks',
}: {
  readonly idPrefix: string;
  readonly items: readonly T[];
  readonly selected: ReadonlySet<T>;
  readonly nameOf: (item: T) => string;
  readonly onChange: (next: ReadonlySet<T>) => void;
  readonly className?: string;
}) {
  const toggle = (item: T, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(item);
    else next.delete(item);
    onChange(next);
  };
  return (
    <div className={className}>
      {items.map((item) => (
        <div className="checkbox-field" key={item}>
          <input
            id={`${idPrefix}-${item}`}
            type="checkbox"
            checked={selected.has(item)}
            onChange={(e) => toggle(item, e.target.checked)}
          />
          <label htmlFor={`${idPrefix}-${item}`}>{nameOf(item)}</label>
        </div>
      ))}
    </div>
  );
}
