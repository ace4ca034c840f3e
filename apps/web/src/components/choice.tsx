import type { ChangeEvent, ReactNode } from 'react';

interface ChoiceProps {
  readonly type: 'checkbox' | 'radio';
  readonly id: string;
  readonly name: string;
  readonly value: string;
  readonly checked: boolean;
  readonly onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  readonly label: ReactNode;
  readonly example?: ReactNode;
  readonly lang?: string;
}

/**
 * A large tappable option card. The input's accessible name is the label only;
 * the example is its description, so assistive tech and tests can address it by the plain label.
 */
export function Choice({ type, id, name, value, checked, onChange, label, example, lang }: ChoiceProps) {
  const labelId = `${id}-label`;
  const exampleId = `${id}-example`;
  return (
    <div className="choice">
      <input
        type={type}
        id={id}
        name={name}
        value={value}
        checked={checked}
        onChange={onChange}
        aria-labelledby={labelId}
        aria-describedby={example ? exampleId : undefined}
      />
      <label htmlFor={id}>
        <span id={labelId} className="choice-label" lang={lang}>
          {label}
        </span>
        {example ? (
          <span id={exampleId} className="choice-example">
            {example}
          </span>
        ) : null}
      </label>
    </div>
  );
}

interface QuestionProps {
  readonly title: string;
  readonly hint?: ReactNode;
  readonly hintId?: string;
  readonly children: ReactNode;
  readonly columns?: boolean;
}

/** One question as a group: the legend is the step heading (focused on step change). */
export function Question({ title, hint, hintId, children, columns }: QuestionProps) {
  return (
    <fieldset className="question" aria-describedby={hint && hintId ? hintId : undefined}>
      <legend>
        <h2 id="step-heading" tabIndex={-1}>
          {title}
        </h2>
      </legend>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <div className={columns ? 'choices choices-columns' : 'choices'}>{children}</div>
    </fieldset>
  );
}
