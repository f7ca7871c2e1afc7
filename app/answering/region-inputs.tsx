import { useRef } from "react";
import { allCountries, knownSubdivisions, regionLabel } from "~/geo/regions";

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
  /** The codes currently understood, shown by name. */
  recognised: string[];
  enhanced: boolean;
  onEdited?: () => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const addRegion = (code: string) => {
    const field = input.current;
    if (!field || code === "") return;
    const codes = field.value.split(/[\s,;]+/).filter((c) => c !== "");
    if (!codes.includes(code)) field.value = [...codes, code].join(", ");
    props.onEdited?.();
  };
  return (
    <>
      <input
        ref={input}
        type="text"
        id={props.id}
        name={props.name}
        defaultValue={props.defaultValue}
        aria-describedby={props.describedBy}
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
            data-picker-for={props.name}
          >
            <option value="">Choose a country to add</option>
            <RegionOptions subdivisionsAllowed={props.subdivisions} current="" />
          </select>
        </div>
      ) : null}
      {props.recognised.length > 0 ? (
        <p className="region-names">
          <span className="visually-hidden">Understood as: </span>
          {props.recognised.map(regionLabel).join(", ")}
        </p>
      ) : null}
    </>
  );
}
