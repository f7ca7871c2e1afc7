// Labelled fields with their hint and error beside them, as the error summary links to them.

function describedBy(...ids: (string | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(" ") || undefined;
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="field-error" id={id}>
      <span className="visually-hidden">Error: </span>
      {message}
    </p>
  );
}

export function TextareaField({
  id,
  name,
  label,
  hint,
  error,
  defaultValue,
  rows = 5,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
  rows?: number;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
      <textarea
        id={id}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hintId, errorId)}
      />
    </div>
  );
}

export function RadioGroup({
  id,
  name,
  legend,
  hint,
  error,
  options,
  defaultValue,
}: {
  id: string;
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  options: { value: string; label: string; hint?: string }[];
  defaultValue?: string;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <fieldset aria-describedby={describedBy(hintId, errorId)}>
        <legend>{legend}</legend>
        {hint ? (
          <p className="hint" id={hintId}>
            {hint}
          </p>
        ) : null}
        <FieldError id={`${id}-error`} message={error} />
        <div className="choices">
          {options.map((option, i) => {
            const optionId = i === 0 ? id : `${id}-${option.value}`;
            return (
              <div className="choice" key={option.value}>
                <input type="radio" id={optionId} name={name} value={option.value} defaultChecked={defaultValue === option.value} />
                <label htmlFor={optionId}>
                  {option.label}
                  {option.hint ? <span className="hint choice__hint">{option.hint}</span> : null}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
