// Labelled fields with their hint and error beside them, as the error summary links to them.

import type { InputHTMLAttributes, ReactNode } from "react";

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

interface FieldFrameProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
}

/** Label, hint and error around one control; hands the control the ids that describe it. */
function FieldFrame({ id, label, hint, error, children }: FieldFrameProps & { children: (aria: { "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode }) {
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
      {children({ "aria-invalid": error ? true : undefined, "aria-describedby": describedBy(hintId, errorId) })}
    </div>
  );
}

export interface TextFieldProps extends FieldFrameProps {
  name: string;
  type?: "text" | "email" | "password";
  defaultValue?: string;
  autoComplete?: string;
  inputMode?: InputHTMLAttributes<HTMLInputElement>["inputMode"];
  /** Narrow fields for short answers such as a 6-digit code. */
  width?: "full" | "code";
}

export function TextField({ name, type = "text", defaultValue, autoComplete, inputMode, width = "full", ...frame }: TextFieldProps) {
  return (
    <FieldFrame {...frame}>
      {(aria) => (
        <input
          id={frame.id}
          name={name}
          type={type}
          defaultValue={defaultValue}
          autoComplete={autoComplete}
          inputMode={inputMode}
          spellCheck={false}
          className={width === "code" ? "input--code" : undefined}
          {...aria}
        />
      )}
    </FieldFrame>
  );
}

export function TextareaField({ name, defaultValue, rows = 5, ...frame }: FieldFrameProps & { name: string; defaultValue?: string; rows?: number }) {
  return (
    <FieldFrame {...frame}>
      {(aria) => <textarea id={frame.id} name={name} rows={rows} defaultValue={defaultValue} {...aria} />}
    </FieldFrame>
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
