import { useRef, useState } from "react";
import { allCountries, knownSubdivisions, regionLabel } from "~/geo/regions";
import { checkRegion } from "~/questionnaire/regions";

let countryOptions: { code: string; label: string }[] | undefined;
let subdivisionOptions: { code: string; label: string }[] | undefined;

function countries() {
  countryOptions ??= allCountries().map((c) => ({ code: c.code, label: `${c.name} (${c.code})` }));
  return countryOptions;
}
function subdivisions() {
  subdivisionOptions ??= knownSubdivisions()
    .map((s) => ({ code: s.code, label: regionLabel(s.code) }))
    .sort((a, b) => a.label.localeCompare(b.label, "en"));
  return subdivisionOptions;
}

function RegionOptions({ subdivisionsAllowed, current }: { subdivisionsAllowed: boolean; current: string }) {
  const listed = current === "" || countries().some((c) => c.code === current) || (subdivisionsAllowed && subdivisions().some((s) => s.code === current));
  return (
    <>
      {listed ? null : <option value={current}>{regionLabel(current)}</option>}
      <optgroup label="Countries">
        {countries().map((c) => (
          <option key={c.code} value={c.code}>
            {c.label}
          </option>
        ))}
      </optgroup>
      {subdivisionsAllowed ? (
        <optgroup label="States, provinces and zones">
          {subdivisions().map((s) => (
            <option key={s.code} value={s.code}>
              {s.label}
            </option>
          ))}
        </optgroup>
      ) : null}
    </>
  );
}

/** One country (or subdivision where allowed), chosen by name; works without JavaScript. */
export function CountrySelect(props: {
  id: string;
  name: string;
  defaultValue: string;
  subdivisions: boolean;
  describedBy?: string;
  invalid?: boolean;
  emptyLabel?: string;
}) {
  return (
    <select
      id={props.id}
      name={props.name}
      defaultValue={props.defaultValue}
      aria-describedby={props.describedBy}
      aria-invalid={props.invalid || undefined}
    >
      <option value="">{props.emptyLabel ?? "Choose a country"}</option>
      <RegionOptions subdivisionsAllowed={props.subdivisions} current={props.defaultValue} />
    </select>
  );
}

/** The codes of a "DE, FR" field that are real regions, in the order typed. */
export function recognisedRegions(value: string, subdivisionsAllowed: boolean): string[] {
  const codes = [...new Set(value.split(/[\s,;]+/).filter((code) => code !== ""))];
  return codes.filter((code) => checkRegion(code, subdivisionsAllowed).ok);
}

/**
 * Several regions as codes in one text field ("DE, FR, CA-QC"), which the
 * format accepts without JavaScript. With JavaScript a picker adds codes by
 * name, and the names of what was typed are shown underneath.
 */
export function CountriesInput(props: {
  id: string;
  name: string;
  defaultValue: string;
  subdivisions: boolean;
  describedBy?: string;
  invalid?: boolean;
  enhanced: boolean;
  /** Say how to write the codes; off where the page's own hint does. */
  formatHint?: boolean;
  onEdited?: () => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState(props.defaultValue);
  const hintId = `${props.id}-format`;
  const addRegion = (code: string) => {
    const field = input.current;
    if (!field || code === "") return;
    const codes = field.value.split(/[\s,;]+/).filter((c) => c !== "");
    if (!codes.includes(code)) field.value = [...codes, code].join(", ");
    setValue(field.value);
    props.onEdited?.();
  };
  const recognised = recognisedRegions(value, props.subdivisions);
  return (
    <>
      {props.formatHint === false ? null : (
        <p className="hint" id={hintId}>
          Codes separated by commas, such as DE, FR{props.subdivisions ? ", or CA-QC for a province or state" : ""}.
        </p>
      )}
      <input
        ref={input}
        type="text"
        id={props.id}
        name={props.name}
        defaultValue={props.defaultValue}
        onChange={(event) => setValue(event.currentTarget.value)}
        aria-describedby={[props.formatHint === false ? undefined : hintId, props.describedBy].filter(Boolean).join(" ") || undefined}
        aria-invalid={props.invalid || undefined}
        autoComplete="off"
        spellCheck={false}
        className="input--codes"
      />
      {props.enhanced ? (
        <div className="region-picker">
          <label htmlFor={`${props.id}--picker`}>Add by name</label>
          <select
            id={`${props.id}--picker`}
            value=""
            onChange={(event) => {
              addRegion(event.currentTarget.value);
              input.current?.focus();
            }}
          >
            <option value="">Choose a country to add</option>
            <RegionOptions subdivisionsAllowed={props.subdivisions} current="" />
          </select>
        </div>
      ) : null}
      {recognised.length > 0 ? (
        <p className="region-names">
          <span className="visually-hidden">Understood as: </span>
          {recognised.map(regionLabel).join(", ")}
        </p>
      ) : null}
    </>
  );
}
