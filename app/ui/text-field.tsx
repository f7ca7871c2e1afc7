import type { InputHTMLAttributes } from "react";

export interface TextFieldProps {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  type?: "text" | "email" | "password";
  defaultValue?: string;
  autoComplete?: string;
  inputMode?: InputHTMLAttributes<HTMLInputElement>["inputMode"];
  /** Narrow fields for short answers such as a 6-digit code. */
  width?: "full" | "code";
}

/** A labelled input with its hint and its error beside it, as the error summary links to it. */
export function TextField({ id, name, label, hint, error, type = "text", defaultValue, autoComplete, inputMode, width = "full" }: TextFieldProps) {
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
      {error ? (
        <p className="field-error" id={errorId}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        inputMode={inputMode}
        spellCheck={false}
        className={width === "code" ? "input--code" : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
      />
    </div>
  );
}
