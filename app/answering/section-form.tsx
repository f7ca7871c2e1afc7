import { Form, Link, useFetcher } from "@remix-run/react";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { CsrfInput } from "~/auth/csrf-input";
import type { Answers } from "~/questionnaire/answers";
import { readSectionForm } from "~/questionnaire/input";
import { text } from "~/questionnaire/localized";
import { isRequired, isVisible, naAllowed } from "~/questionnaire/visibility";
import { ProgressTag } from "~/ui/progress-tag";
import { fieldId, questionIdOf, toRawInput, type AnswerBase, type FieldError, type RawInput, type SectionResult } from "./form-state";
import { QuestionField, type FieldContext } from "./question-field";
import type { SectionView } from "./section.server";

const typingDelayMs = 700;

interface Outcome {
  errors: FieldError[];
  conflicts: SectionResult["conflicts"];
  /** From a whole-form submission (shows the summaries), rather than an autosave. */
  fromSubmit: boolean;
  intent: SectionResult["intent"] | null;
  revealed: string[];
}

function outcomeOf(result: SectionResult | undefined): Outcome {
  return {
    errors: result?.errors ?? [],
    conflicts: result?.conflicts ?? [],
    fromSubmit: !!result && result.intent !== "autosave",
    intent: result?.intent ?? null,
    revealed: result?.revealed ?? [],
  };
}

/**
 * The form of one section. A plain POST form that works without JavaScript;
 * with it, each change is autosaved (the whole form posted with intent
 * "autosave", the server writing only what changed), follow-ups appear as
 * answers change, and table rows are added and removed in place. Render it
 * with a `key` per assessment and section.
 */
export function SectionForm({
  view,
  result,
  action,
  fileHref,
  questionNotes,
}: {
  view: SectionView;
  result: SectionResult | undefined;
  action: string;
  /** Where an attached file is downloaded from. */
  fileHref?: (evidenceId: string) => string;
  /** Shown with each question, by id: a returned question's request, comments. */
  questionNotes?: Record<string, ReactNode>;
}) {
  const { section } = view;
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const fetcher = useFetcher<SectionResult>();
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  const [defaults, setDefaults] = useState<Record<string, RawInput>>(() =>
    Object.fromEntries(section.questions.map((q) => [q.id, result?.submitted[q.id] ?? toRawInput(q, view.answers[q.id])])),
  );
  const [remountKeys, setRemountKeys] = useState<Record<string, number>>({});
  const [bases, setBases] = useState<Record<string, AnswerBase>>(() => ({ ...view.bases, ...result?.bases }));
  const [live, setLive] = useState<Answers>(view.answers);
  const [outcome, setOutcome] = useState<Outcome>(() => outcomeOf(result));
  const [statuses, setStatuses] = useState<Record<string, string>>({});

  const dirty = useRef(new Set<string>());
  const inFlight = useRef(new Set<string>());
  const sentBases = useRef<Record<string, AnswerBase>>({});
  const pending = useRef(false);
  // An autosave sent before a whole-form submission (an upload, a save) can
  // answer after it: its outcome must not replace the submission's messages.
  const submitsApplied = useRef(0);
  const fetchStartedAfter = useRef(0);
  const timer = useRef<number | undefined>(undefined);
  const basesRef = useRef(bases);
  basesRef.current = bases;
  const fetcherState = useRef(fetcher.state);
  fetcherState.current = fetcher.state;

  const recompute = useCallback(() => {
    const form = formRef.current;
    if (!form) return;
    const read = readSectionForm(section, new FormData(form), view.answers);
    setLive({ ...view.answers, ...read.answers });
  }, [section, view.answers]);

  const save = useCallback(() => {
    const form = formRef.current;
    if (!form || dirty.current.size === 0) return;
    if (fetcherState.current !== "idle") {
      pending.current = true;
      return;
    }
    const data = new FormData(form);
    data.set("intent", "autosave");
    // Files go up only with "Upload file", never with an autosave.
    for (const name of [...data.keys()]) if (name.endsWith(".upload")) data.delete(name);
    inFlight.current = new Set(dirty.current);
    fetchStartedAfter.current = submitsApplied.current;
    dirty.current.clear();
    sentBases.current = { ...basesRef.current };
    const saving = [...inFlight.current];
    setStatuses((s) => ({ ...s, ...Object.fromEntries(saving.map((q) => [q, "Saving…"])) }));
    fetcher.submit(data, { method: "post", action });
  }, [action, fetcher]);

  // Runs after React has applied the state changes of an event, so the form
  // read by FormData is the one on screen.
  const afterRender = useRef<(() => void)[]>([]);
  const [renderTick, setRenderTick] = useState(0);
  useEffect(() => {
    for (const run of afterRender.current.splice(0)) run();
  }, [renderTick]);
  const later = (run: () => void) => {
    afterRender.current.push(run);
    setRenderTick((t) => t + 1);
  };

  const apply = useCallback((next: SectionResult, questionIds: Set<string>, { keepOutcome = false } = {}) => {
    setBases((current) => {
      const updated = { ...current };
      for (const [questionId, base] of Object.entries(next.bases)) {
        const sent = sentBases.current[questionId];
        if (!sent || sent.revision !== base.revision || sent.fingerprint !== base.fingerprint) updated[questionId] = base;
      }
      return updated;
    });
    if (!keepOutcome) setOutcome(outcomeOf(next));
    const failed = new Set([...next.errors.map((e) => e.questionId), ...next.conflicts.map((c) => c.questionId)]);
    setStatuses((s) => {
      const updated = { ...s };
      for (const questionId of new Set([...questionIds, ...next.saved])) updated[questionId] = failed.has(questionId) ? "" : "Saved";
      return updated;
    });
  }, []);

  const handledFetch = useRef<SectionResult | undefined>(undefined);
  useEffect(() => {
    if (fetcher.state !== "idle" || !fetcher.data || fetcher.data === handledFetch.current) return;
    handledFetch.current = fetcher.data;
    apply(fetcher.data, inFlight.current, { keepOutcome: fetchStartedAfter.current < submitsApplied.current });
    if (pending.current) {
      pending.current = false;
      save();
    }
  }, [fetcher.state, fetcher.data, apply, save]);

  const handledResult = useRef(result);
  useEffect(() => {
    if (!result || result === handledResult.current) return;
    handledResult.current = result;
    sentBases.current = {};
    submitsApplied.current += 1;
    apply(result, new Set());
    if (result.intent === "upload") {
      // The file list changed on the server: show it, and empty the file input.
      const fileQuestions = section.questions.filter((q) => q.type === "file").map((q) => q.id);
      setDefaults((d) => ({ ...d, ...Object.fromEntries(fileQuestions.map((q) => [q, result.submitted[q] ?? d[q] ?? {}])) }));
      setRemountKeys((k) => ({ ...k, ...Object.fromEntries(fileQuestions.map((q) => [q, (k[q] ?? 0) + 1])) }));
    }
    if (result.errors.length > 0 || result.conflicts.length > 0) summaryRef.current?.focus();
  }, [result, apply, section.questions]);

  useEffect(() => {
    if (outcome.fromSubmit && (outcome.errors.length > 0 || outcome.conflicts.length > 0)) summaryRef.current?.focus();
    // Only on the first render: a page re-rendered by the server after a failed save.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onEdited = useCallback(
    (questionId: string, immediate: boolean) => {
      dirty.current.add(questionId);
      setStatuses((s) => (s[questionId] ? { ...s, [questionId]: "" } : s));
      window.setTimeout(recompute, 0);
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(save, immediate ? 0 : typingDelayMs);
    },
    [recompute, save],
  );

  const onResolveConflict = (questionId: string, choice: "keep-theirs" | "use-mine") => {
    const conflict = outcome.conflicts.find((c) => c.questionId === questionId);
    if (!conflict) return;
    setBases((b) => ({ ...b, [questionId]: conflict.theirs.base }));
    setOutcome((o) => ({ ...o, conflicts: o.conflicts.filter((c) => c.questionId !== questionId) }));
    if (choice === "keep-theirs") {
      setDefaults((d) => ({ ...d, [questionId]: conflict.theirs.input }));
      setRemountKeys((k) => ({ ...k, [questionId]: (k[questionId] ?? 0) + 1 }));
      setStatuses((s) => ({ ...s, [questionId]: "Their answer kept" }));
      later(recompute);
    } else {
      dirty.current.add(questionId);
      later(save);
    }
  };

  const errors = useMemo(() => new Map(outcome.errors.map((e) => [e.field, e.message])), [outcome.errors]);
  const conflicts = new Map(outcome.conflicts.map((c) => [c.questionId, c]));
  const ctx: FieldContext = {
    errors,
    hydrated,
    live,
    vendorLabel: view.vendorLabel,
    onEdited,
    onResolveConflict,
    files: view.files,
    maxFileBytes: view.maxFileBytes,
    fileHref,
  };
  const visible = section.questions.filter((q) => isVisible(q, live));
  const showSummary = outcome.fromSubmit && (outcome.errors.length > 0 || outcome.conflicts.length > 0);
  const questionText = new Map(section.questions.map((q) => [q.id, text(q.text)]));

  return (
    <>
      {showSummary ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef} aria-labelledby="error-summary-title">
          <h2 id="error-summary-title">{outcome.errors.length > 0 ? "There is a problem" : "Someone else changed some answers"}</h2>
          {outcome.errors.length > 0 ? (
            <>
              <p>Your other answers were saved. Correct these and save again:</p>
              <ul>
                {outcome.errors.map((error) => (
                  <li key={error.field}>
                    <a href={`#${fieldId(error.field)}`}>{error.message}</a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {outcome.conflicts.length > 0 ? (
            <>
              <p>These answers were changed by someone else after you opened the page. Nothing was overwritten: choose which to keep.</p>
              <ul>
                {outcome.conflicts.map((conflict) => (
                  <li key={conflict.questionId}>
                    <a href={`#${fieldId(`${conflict.questionId}.conflict`)}`}>{questionText.get(conflict.questionId)}</a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
      {outcome.revealed.length > 0 && outcome.fromSubmit ? (
        <div className="notice" role="status">
          Your answers added {outcome.revealed.length === 1 ? "a question" : `${outcome.revealed.length} questions`} to this section:{" "}
          {outcome.revealed.map((id, i) => (
            <span key={id}>
              {i > 0 ? ", " : null}
              <a href={`#question-${fieldId(id)}`}>{questionText.get(id)}</a>
            </span>
          ))}
          .
        </div>
      ) : null}
      {result?.uploaded && outcome.intent === "upload" ? (
        <div className="notice notice--ok" role="status">
          {result.uploaded.fileName} was attached and your answers were saved.
        </div>
      ) : null}
      {(outcome.intent === "save" || outcome.intent === "keep-theirs" || outcome.intent === "use-mine") && !showSummary ? (
        <div className="notice notice--ok" role="status">
          Your answers were saved.
        </div>
      ) : null}

      <Form method="post" action={action} noValidate ref={formRef} className="section-form" onChange={(event) => {
        const target = event.target as HTMLInputElement;
        const questionId = questionIdOf(target.name ?? "");
        if (!questionId || target.type === "hidden" || target.type === "file") return;
        const typing = target.tagName === "TEXTAREA" || (target.tagName === "INPUT" && !["radio", "checkbox"].includes(target.type));
        onEdited(questionId, !typing);
      }} onBlur={() => {
        if (timer.current !== undefined && dirty.current.size > 0) {
          window.clearTimeout(timer.current);
          save();
        }
      }}>
        {/* The first submit button is what Enter in a text field presses: make it a plain save. */}
        <button type="submit" name="intent" value="save" hidden tabIndex={-1} aria-hidden="true" />
        <CsrfInput />
        {visible.map((question) => (
          <QuestionField
            key={`${question.id}#${remountKeys[question.id] ?? 0}`}
            question={question}
            raw={defaults[question.id] ?? {}}
            base={bases[question.id] ?? { revision: 0, fingerprint: "" }}
            required={isRequired(question, live)}
            naAllowed={naAllowed(question, live)}
            conflict={conflicts.get(question.id)}
            status={statuses[question.id] ?? ""}
            lastChanged={view.lastChanged[question.id]}
            blankRows={result?.blankRows[question.id] ?? 0}
            ctx={ctx}
            notes={questionNotes?.[question.id]}
          />
        ))}
        <div className="button-row">
          <button type="submit" name="intent" value="save-continue" className="button">
            Save and continue
          </button>
          <button type="submit" name="intent" value="save" className="button button--secondary">
            Save
          </button>
        </div>
      </Form>
    </>
  );
}

/** The sections of the questionnaire with their progress, as a compact task list. */
/** The top of a section page, for the buyer and the vendor alike: where it stands in the questionnaire and how far it is answered. */
export function SectionHeading({ view }: { view: SectionView }) {
  const { progress } = view;
  return (
    <>
      <p className="eyebrow">
        Section {view.sectionNumber} of {view.sections.length}
      </p>
      <h1>{view.sectionTitle}</h1>
      {view.section.help ? <p className="lead">{text(view.section.help)}</p> : null}
      <p className="section-progress">
        {progress.required === 0
          ? `${progress.answered} answered`
          : `${progress.requiredAnswered} of ${progress.required} required questions answered, ${progress.remaining} remaining`}
        {progress.answered > progress.requiredAnswered ? ` (${progress.answered} answers in all)` : ""}
      </p>
    </>
  );
}

export function SectionNav({ view, sectionHref }: { view: SectionView; sectionHref: (sectionId: string) => string }) {
  return (
    <nav aria-label="Sections" className="section-nav">
      <h2 className="section-nav__title">Sections</h2>
      <ol className="section-nav__list">
        {view.sections.map((s) => (
          <li key={s.id} className={s.id === view.section.id ? "section-nav__item section-nav__item--current" : "section-nav__item"}>
            <Link to={sectionHref(s.id)} aria-current={s.id === view.section.id ? "page" : undefined}>
              {s.title}
            </Link>
            <span className="section-nav__count">
              {s.required === 0 ? `${s.answered} answered` : `${s.required - s.remaining} of ${s.required} required answered`}
            </span>
            <ProgressTag status={s.status} />
          </li>
        ))}
      </ol>
    </nav>
  );
}
