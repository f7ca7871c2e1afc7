import { Form } from "@remix-run/react";
import type { AssessmentStatus } from "#db/schema";
import { CsrfInput } from "~/auth/csrf-input";
import { MAX_WORKBOOK_BYTES } from "~/offline/limits";
import { ErrorSummary } from "~/ui/error-summary";

/** Answering offline, as the buyer's assessors and the vendor portal offer it: download the workbook, upload it filled in. */
export function WorkbookSteps({
  workbookHref,
  locked,
  status,
  error,
}: {
  workbookHref: string;
  locked: boolean;
  status: AssessmentStatus;
  error: string | null;
}) {
  return (
    <>
      <h2>1. Download the workbook</h2>
      <p>
        <a className="button button--secondary" href={workbookHref} download>
          Download the questionnaire workbook (.xlsx)
        </a>
      </p>
      <h2>2. Upload it when it is filled in</h2>
      {locked ? (
        <p className="notice notice--warning">This assessment is {status}: its answers can no longer be changed, so no workbook can be imported.</p>
      ) : (
        <Form method="post" encType="multipart/form-data" className="upload-form" noValidate>
          <CsrfInput />
          {error ? <ErrorSummary errors={[{ fieldId: "workbook", message: error }]} /> : null}
          <div className={`field${error ? " field--error" : ""}`}>
            <label htmlFor="workbook">Filled-in workbook</label>
            <p className="hint" id="workbook-hint">
              An .xlsx file of at most {MAX_WORKBOOK_BYTES / 1024 / 1024} MB. Nothing is saved until you have seen every
              change and confirmed it.
            </p>
            {error ? (
              <p className="field-error" id="workbook-error">
                <span className="visually-hidden">Error:</span> {error}
              </p>
            ) : null}
            <input
              type="file"
              id="workbook"
              name="workbook"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby={error ? "workbook-hint workbook-error" : "workbook-hint"}
            />
          </div>
          <button type="submit" className="button">
            Check the workbook
          </button>
        </Form>
      )}
    </>
  );
}
