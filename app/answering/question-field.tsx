import { useEffect, useRef, useState, type ReactNode } from "react";
import type { Answers, TableRow } from "~/questionnaire/answers";
import { text } from "~/questionnaire/localized";
import type { Question, RuntimeColumn, TableQuestion } from "~/questionnaire/types";
import { formatDate } from "~/ui/format";
import { AnswerView } from "./answer-view";
import {
  cellName,
  fieldId,
  isTicked,
  rawList,
  rawString,
  type AnswerBase,
  type ConflictView,
  type RawInput,
  type RawRow,
} from "./form-state";
import { CountriesInput, CountrySelect } from "./region-inputs";
import type { SectionFile } from "./section.server";

export interface FieldContext {
  /** Field name to message. */
  errors: Map<string, string>;
  /** JavaScript has taken over the page: enhancements may render. */
  hydrated: boolean;
  /** The answers as the form currently holds them, for follow-ups and row references. */
  live: Answers;
  vendorLabel: string;
  /** A field of the question changed; `immediate` for choices, debounced for typing. */
  onEdited: (questionId: string, immediate: boolean) => void;
  onResolveConflict: (questionId: string, choice: "keep-theirs" | "use-mine") => void;
  /** Evidence files of the section's file questions, by id. */
  files: Record<string, SectionFile>;
  /** Largest file accepted, in bytes. */
  maxFileBytes: number;
  /** Where a file is downloaded from; without it, files are listed without links. */
  fileHref?: (evidenceId: string) => string;
}

export interface QuestionFieldProps {
  question: Question;
  raw: RawInput;
  base: AnswerBase;
  required: boolean;
  naAllowed: boolean;
  conflict: ConflictView | undefined;
  status: string;
  lastChanged: { by: string; at: string } | undefined;
  blankRows: number;
  ctx: FieldContext;
  /** Shown under the question's title: what the reviewer asked for, comments. */
  notes?: ReactNode;
}

function ErrorMessage({ id, message }: { id?: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="field-error" id={id}>
      <span className="visually-hidden">Error: </span>
      {message}
    </p>
  );
}

function Optional({ required }: { required: boolean }) {
  return required ? null : <span className="optional"> (optional)</span>;
}

/** One question: its label, hint, control, N/A option, conflict and autosave status. */
export function QuestionField(props: QuestionFieldProps) {
  const { question, raw, base, ctx } = props;
  const id = question.id;
  const error = ctx.errors.get(id);
  const naReasonError = ctx.errors.get(`${id}.na_reason`);
  const cellErrors = [...ctx.errors.keys()].some((field) => field.startsWith(`${id}[`));
  const hintId = question.help ? `${fieldId(id)}-hint` : undefined;
  const errorId = error ? `${fieldId(id)}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const grouped = !["text", "longtext", "number", "date", "url", "country", "countries"].includes(question.type);
  const title = (
    <>
      {text(question.text)}
      <Optional required={props.required} />
    </>
  );
  const meta = (
    <>
      {question.help ? (
        <p className="hint" id={hintId}>
          {text(question.help)}
        </p>
      ) : null}
      {props.lastChanged ? (
        <p className="last-changed">
          Last changed by {props.lastChanged.by} on {formatDate(props.lastChanged.at)}
        </p>
      ) : null}
      <ErrorMessage id={errorId} message={error} />
      {props.notes}
    </>
  );
  const control = <Control {...props} describedBy={describedBy} invalid={!!error} />;

  return (
    <div
      className={`question field${error || naReasonError || cellErrors ? " field--error" : ""}${props.conflict ? " question--conflict" : ""}`}
      id={`question-${fieldId(id)}`}
    >
      <input type="hidden" name={`${id}.revision`} value={base.revision} />
      <input type="hidden" name={`${id}.fingerprint`} value={base.fingerprint} />
      {grouped ? (
        <fieldset aria-describedby={describedBy}>
          <legend className="question__title">{title}</legend>
          {meta}
          {control}
        </fieldset>
      ) : (
        <>
          <label className="question__title" htmlFor={fieldId(id)}>
            {title}
          </label>
          {meta}
          {control}
        </>
      )}
      {props.naAllowed ? <NotApplicable {...props} error={naReasonError} /> : null}
      {props.conflict ? <ConflictPanel conflict={props.conflict} ctx={ctx} /> : null}
      <p className="autosave-status" aria-live="polite">
        {props.status}
      </p>
    </div>
  );
}

function NotApplicable({ question, raw, ctx, error }: QuestionFieldProps & { error: string | undefined }) {
  const [ticked, setTicked] = useState(isTicked(raw.na));
  const id = question.id;
  return (
    <div className="not-applicable">
      <div className="choice">
        <input
          type="checkbox"
          id={fieldId(`${id}.na`)}
          name={`${id}.na`}
          value="on"
          defaultChecked={isTicked(raw.na)}
          onChange={(event) => setTicked(event.currentTarget.checked)}
        />
        <label htmlFor={fieldId(`${id}.na`)}>This question does not apply to us</label>
      </div>
      <div className="not-applicable__reason" hidden={ctx.hydrated && !ticked && !error}>
        <label htmlFor={fieldId(`${id}.na_reason`)}>Why does it not apply?</label>
        <ErrorMessage id={`${fieldId(`${id}.na_reason`)}-error`} message={error} />
        <input
          type="text"
          id={fieldId(`${id}.na_reason`)}
          name={`${id}.na_reason`}
          defaultValue={raw.naReason ?? ""}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${fieldId(`${id}.na_reason`)}-error` : undefined}
        />
      </div>
    </div>
  );
}

function ConflictPanel({ conflict, ctx }: { conflict: ConflictView; ctx: FieldContext }) {
  const id = conflict.questionId;
  const resolve = (choice: "keep-theirs" | "use-mine") => (event: React.MouseEvent) => {
    if (!ctx.hydrated) return;
    event.preventDefault();
    ctx.onResolveConflict(id, choice);
  };
  const who = conflict.theirs.answeredBy ?? "Someone else";
  return (
    <div className="conflict notice notice--warning" role="group" aria-label="Two versions of this answer" id={fieldId(`${id}.conflict`)}>
      <p>
        <strong>{who} changed this answer after you opened the page.</strong> Nothing was overwritten: choose which answer
        to keep.
      </p>
      <dl className="conflict__versions">
        <div>
          <dt>
            Their answer{conflict.theirs.answeredAt ? `, saved ${formatDate(conflict.theirs.answeredAt)}` : ""} by {who}
          </dt>
          <dd>
            <AnswerView answer={conflict.theirs.display} />
          </dd>
        </div>
        <div>
          <dt>Your answer</dt>
          <dd>
            <AnswerView answer={conflict.yours.display} />
          </dd>
        </div>
      </dl>
      <input type="hidden" name={`${id}.theirs_revision`} value={conflict.theirs.base.revision} />
      <input type="hidden" name={`${id}.theirs_fingerprint`} value={conflict.theirs.base.fingerprint} />
      <div className="button-row">
        <button type="submit" name="intent" value={`keep-theirs:${id}`} className="button button--secondary" onClick={resolve("keep-theirs")}>
          Keep their answer
        </button>
        <button type="submit" name="intent" value={`use-mine:${id}`} className="button button--secondary" onClick={resolve("use-mine")}>
          Use my answer
        </button>
      </div>
    </div>
  );
}

function Control(props: QuestionFieldProps & { describedBy: string | undefined; invalid: boolean }) {
  const { question, raw, ctx, describedBy, invalid } = props;
  const id = question.id;
  const edited = (immediate: boolean) => () => ctx.onEdited(id, immediate);
  switch (question.type) {
    case "single":
      return (
        <div className="choices">
          {question.choices.map((choice, i) => {
            const optionId = i === 0 ? fieldId(id) : fieldId(id, choice.value);
            return (
              <div className="choice" key={choice.value}>
                <input type="radio" id={optionId} name={id} value={choice.value} defaultChecked={rawString(raw.value) === choice.value} />
                <label htmlFor={optionId}>{text(choice.label)}</label>
              </div>
            );
          })}
        </div>
      );
    case "multi":
      return (
        <div className="choices">
          {question.choices.map((choice, i) => {
            const optionId = i === 0 ? fieldId(id) : fieldId(id, choice.value);
            return (
              <div className="choice" key={choice.value}>
                <input type="checkbox" id={optionId} name={id} value={choice.value} defaultChecked={rawList(raw.value).includes(choice.value)} />
                <label htmlFor={optionId}>{text(choice.label)}</label>
              </div>
            );
          })}
        </div>
      );
    case "bool":
      return (
        <div className="choices choices--inline">
          {(["yes", "no"] as const).map((value, i) => {
            const optionId = i === 0 ? fieldId(id) : fieldId(id, value);
            return (
              <div className="choice" key={value}>
                <input type="radio" id={optionId} name={id} value={value} defaultChecked={rawString(raw.value) === value} />
                <label htmlFor={optionId}>{value === "yes" ? "Yes" : "No"}</label>
              </div>
            );
          })}
        </div>
      );
    case "country":
      return (
        <CountrySelect
          id={fieldId(id)}
          name={id}
          defaultValue={rawString(raw.value)}
          subdivisions={question.subdivisions}
          describedBy={describedBy}
          invalid={invalid}
        />
      );
    case "countries":
      return (
        <CountriesInput
          id={fieldId(id)}
          name={id}
          defaultValue={rawList(raw.value).join(", ")}
          subdivisions={question.subdivisions}
          describedBy={describedBy}
          invalid={invalid}
          enhanced={ctx.hydrated}
          onEdited={edited(true)}
        />
      );
    case "number":
      return (
        <div className="input-with-unit">
          <input
            type="text"
            inputMode="decimal"
            id={fieldId(id)}
            name={id}
            defaultValue={rawString(raw.value)}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            className="input--number"
          />
          <span className="input-unit">{question.unit}</span>
        </div>
      );
    case "date":
    case "url":
    case "text":
      return (
        <input
          type={question.type === "text" ? "text" : question.type}
          id={fieldId(id)}
          name={id}
          defaultValue={rawString(raw.value)}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          spellCheck={question.type === "text"}
        />
      );
    case "longtext":
      return (
        <textarea
          id={fieldId(id)}
          name={id}
          defaultValue={rawString(raw.value)}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          rows={5}
        />
      );
    case "file":
      return <FileField question={question} ids={rawList(raw.value)} ctx={ctx} />;
    case "table":
      return <TableField question={question} raw={raw} blankRows={props.blankRows} ctx={ctx} />;
  }
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * The files attached to a file question, each a ticked box (untick and save to
 * remove it), and a file input whose "Upload file" button saves the whole form
 * as a multipart POST with the file: nothing typed elsewhere is lost.
 */
function FileField({ question, ids, ctx }: { question: Extract<Question, { type: "file" }>; ids: string[]; ctx: FieldContext }) {
  const id = question.id;
  const upload = `${id}.upload`;
  const uploadError = ctx.errors.get(upload);
  const kinds = question.accept.length > 0 ? question.accept.map((a) => a.toUpperCase()).join(" or ") : "PDF, image, Word, Excel, PowerPoint, text or CSV";
  return (
    <div className="file-field">
      {ids.length > 0 ? (
        <>
          <ul className="file-list" id={fieldId(id)} tabIndex={-1}>
            {ids.map((fileId) => {
              const file = ctx.files[fileId];
              return (
                <li key={fileId} className="choice">
                  <input type="checkbox" id={fieldId(id, fileId)} name={id} value={fileId} defaultChecked />
                  <label htmlFor={fieldId(id, fileId)}>
                    {file ? file.name : "A file"}
                    {file ? <span className="file-list__size"> ({formatSize(file.size)})</span> : null}
                  </label>
                  {file?.purgedAt ? (
                    <span className="file-list__note"> Deleted on {formatDate(file.purgedAt)} under the retention policy.</span>
                  ) : file && ctx.fileHref ? (
                    <a className="file-list__link" href={ctx.fileHref(fileId)}>
                      Download<span className="visually-hidden"> {file.name}</span>
                    </a>
                  ) : null}
                </li>
              );
            })}
          </ul>
          <p className="hint">Untick a file and save to remove it from this answer.</p>
        </>
      ) : (
        <p className="hint" id={fieldId(id)} tabIndex={-1}>
          No file is attached.
        </p>
      )}
      <div className={`file-upload${uploadError ? " field--error" : ""}`}>
        <label htmlFor={fieldId(upload)}>Add a file</label>
        <p className="hint" id={`${fieldId(upload)}-hint`}>
          A {kinds} file, up to {formatSize(ctx.maxFileBytes)}. Uploading also saves your other answers on this page.
        </p>
        <ErrorMessage id={`${fieldId(upload)}-error`} message={uploadError} />
        <input
          type="file"
          id={fieldId(upload)}
          name={upload}
          accept={question.accept.length > 0 ? question.accept.map((a) => `.${a}`).join(",") : undefined}
          aria-describedby={[`${fieldId(upload)}-hint`, uploadError ? `${fieldId(upload)}-error` : ""].filter(Boolean).join(" ")}
          aria-invalid={uploadError ? true : undefined}
        />
        <button type="submit" name="intent" value={`upload:${id}`} formEncType="multipart/form-data" className="button button--secondary">
          Upload file
        </button>
      </div>
    </div>
  );
}

/**
 * A table as a list of rows, each a group of labelled fields: wide tables stay
 * usable at 200% zoom and by screen reader. Without JavaScript, "Add another
 * row" and "Remove" are submit buttons the server handles; with it, rows are
 * added and removed in place.
 */
function TableField({ question, raw, blankRows, ctx }: { question: TableQuestion; raw: RawInput; blankRows: number; ctx: FieldContext }) {
  // Keys are deterministic so that the server's and the browser's first render agree.
  const keySequence = useRef(0);
  const nextRowKey = () => `added-${++keySequence.current}`;
  const [rows, setRows] = useState(() => {
    const initial = raw.rows ?? [];
    const count = Math.max(initial.length + blankRows, 1);
    return Array.from({ length: count }, (_, i) => ({ key: `row-${i}`, defaults: initial[i] ?? {} }));
  });
  const focusRow = useRef<string | null>(null);
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!focusRow.current) return;
    container.current?.querySelector<HTMLElement>(`[data-row-key="${focusRow.current}"] input, [data-row-key="${focusRow.current}"] select`)?.focus();
    focusRow.current = null;
  }, [rows]);

  const addRow = (event: React.MouseEvent) => {
    if (!ctx.hydrated) return;
    event.preventDefault();
    const key = nextRowKey();
    focusRow.current = key;
    setRows((current) => [...current, { key, defaults: {} }]);
  };
  const removeRow = (index: number) => (event: React.MouseEvent) => {
    if (!ctx.hydrated) return;
    event.preventDefault();
    setRows((current) => {
      const next = current.filter((_, i) => i !== index);
      return next.length > 0 ? next : [{ key: nextRowKey(), defaults: {} }];
    });
    ctx.onEdited(question.id, true);
  };

  return (
    <div className="table-rows" ref={container}>
      {rows.map((row, index) => (
        <fieldset className="table-row" key={row.key} data-row-key={row.key}>
          <legend>Row {index + 1}</legend>
          <div className="table-row__cells">
            {question.columns.map((column) => (
              <Cell key={column.id} question={question} column={column} index={index} defaults={row.defaults} ctx={ctx} />
            ))}
          </div>
          <button
            type="submit"
            name="intent"
            value={`remove-row:${question.id}:${index}`}
            className="button button--secondary button--small"
            onClick={removeRow(index)}
          >
            Remove<span className="visually-hidden"> row {index + 1}</span>
          </button>
        </fieldset>
      ))}
      <button type="submit" name="intent" value={`add-row:${question.id}`} className="button button--secondary" onClick={addRow}>
        Add another row
      </button>
    </div>
  );
}

function Cell({ question, column, index, defaults, ctx }: { question: TableQuestion; column: RuntimeColumn; index: number; defaults: RawRow; ctx: FieldContext }) {
  const name = cellName(question.id, index, column.id);
  const id = fieldId(name);
  const error = ctx.errors.get(name);
  const errorId = error ? `${id}-error` : undefined;
  const hintId = column.help ? `${id}-hint` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const value = defaults[column.id];
  const label = (
    <>
      {text(column.label)}
      <Optional required={column.required} />
    </>
  );
  const hint = column.help ? (
    <p className="hint" id={hintId}>
      {text(column.help)}
    </p>
  ) : null;

  if (column.type === "multi") {
    return (
      <fieldset className={`cell${error ? " cell--error" : ""}`} aria-describedby={describedBy}>
        <legend>{label}</legend>
        {hint}
        <ErrorMessage id={errorId} message={error} />
        <details className="cell__choices" open={rawList(value).length > 0 || !!error}>
          <summary>Choose from {column.choices.length} options</summary>
          <div className="choices">
            {column.choices.map((choice, i) => {
              const optionId = i === 0 ? id : fieldId(name, choice.value);
              return (
                <div className="choice" key={choice.value}>
                  <input type="checkbox" id={optionId} name={name} value={choice.value} defaultChecked={rawList(value).includes(choice.value)} />
                  <label htmlFor={optionId}>{text(choice.label)}</label>
                </div>
              );
            })}
          </div>
        </details>
      </fieldset>
    );
  }

  let control: ReactNode;
  const common = { id, name, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined } as const;
  switch (column.type) {
    case "single":
      control = (
        <select {...common} defaultValue={rawString(value)}>
          <option value="">Choose</option>
          {column.choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {text(choice.label)}
            </option>
          ))}
        </select>
      );
      break;
    case "bool":
      control = (
        <select {...common} defaultValue={rawString(value)}>
          <option value="">Choose</option>
          <option value="yes">Yes</option>
          <option value="no">No</option>
        </select>
      );
      break;
    case "country":
      control = <CountrySelect id={id} name={name} defaultValue={rawString(value)} subdivisions={column.subdivisions} describedBy={describedBy} invalid={!!error} />;
      break;
    case "countries":
      control = (
        <CountriesInput
          id={id}
          name={name}
          defaultValue={rawList(value).join(", ")}
          subdivisions={column.subdivisions}
          describedBy={describedBy}
          invalid={!!error}
          enhanced={ctx.hydrated}
          onEdited={() => ctx.onEdited(question.id, true)}
        />
      );
      break;
    case "rowref":
      control = <RowRefSelect common={common} column={column} current={rawString(value)} ctx={ctx} />;
      break;
    case "number":
      control = <input type="text" inputMode="decimal" {...common} defaultValue={rawString(value)} className="input--number" />;
      break;
    default:
      control = <input type={column.type === "text" ? "text" : column.type} {...common} defaultValue={rawString(value)} />;
  }
  return (
    <div className={`cell${error ? " cell--error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint}
      <ErrorMessage id={errorId} message={error} />
      {control}
    </div>
  );
}

function RowRefSelect({
  common,
  column,
  current,
  ctx,
}: {
  common: { id: string; name: string };
  column: Extract<RuntimeColumn, { type: "rowref" }>;
  current: string;
  ctx: FieldContext;
}) {
  const rows = ctx.live[column.table]?.value;
  const options = (Array.isArray(rows) ? rows : [])
    .filter((r): r is TableRow => typeof r === "object" && r !== null && !Array.isArray(r))
    .flatMap((row) => {
      const key = row[column.table_key];
      if (typeof key !== "string" || key === "") return [];
      const nameColumn = Object.keys(row).find((c) => c !== column.table_key && /(^|_)name$/.test(c));
      const name = nameColumn ? row[nameColumn] : undefined;
      return [{ key, label: typeof name === "string" && name !== "" ? `${key}: ${name}` : key }];
    });
  const listed = current === "" || options.some((o) => o.key === current);
  return (
    <select {...common} defaultValue={current}>
      <option value="">{ctx.vendorLabel}</option>
      {listed ? null : <option value={current}>{current} (not in the list)</option>}
      {options.map((o) => (
        <option key={o.key} value={o.key}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
