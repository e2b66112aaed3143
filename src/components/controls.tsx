import { TranslationBundle } from '@jupyterlab/translation';
import React from 'react';

/** Small controls shared by the panel's forms and lists. */

export function toggle(list: string[], value: string): string[] {
  return list.includes(value)
    ? list.filter(v => v !== value)
    : [...list, value];
}

/** The message under an invalid field; its id is what the field's aria-describedby names. */
export function FieldError(props: {
  id: string;
  error?: string;
}): JSX.Element | null {
  return props.error ? (
    <span className="jp-GovExt-error" role="alert" id={props.id}>
      {props.error}
    </span>
  ) : null;
}

/** The id of a field's error message (one per form and field). */
export function errorId(form: string, field: string): string {
  return `jp-GovExt-${form}-${field}-error`;
}

/** Move the keyboard focus to a form's first invalid field (after a failed submit). */
export function focusFirstInvalid(form: HTMLElement | null): void {
  const invalid = form?.querySelector<HTMLElement>(
    'input[aria-invalid="true"], textarea[aria-invalid="true"], select[aria-invalid="true"], fieldset[aria-invalid="true"] input'
  );
  invalid?.focus();
  invalid?.scrollIntoView?.({ block: 'center' });
}

/** The attributes that tie a field to its error: invalid, and described by the message. */
export function invalidProps(
  errorFor: string | undefined,
  error: string | undefined
): Record<string, unknown> {
  return error
    ? { 'aria-invalid': true, 'aria-describedby': errorFor }
    : { 'aria-invalid': false };
}

/** A labelled text input, or a text area when `rows` is given, with its error under it. */
export function TextField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  type?: string;
  placeholder?: string;
  /** The message shown under the field; the field is marked invalid while there is one. */
  error?: string;
  /** The id of the error message (errorId(form, field)). */
  errorFor?: string;
  maxLength?: number;
  inputRef?: React.Ref<HTMLInputElement>;
}): JSX.Element {
  const common = {
    className: 'jp-mod-styled',
    value: props.value,
    placeholder: props.placeholder,
    ...invalidProps(props.errorFor, props.error)
  };
  // The message is outside the label: it describes the field, it is not part of its name.
  return (
    <div className="jp-GovExt-field">
      <label>
        {props.label}
        {props.rows ? (
          <textarea
            {...common}
            rows={props.rows}
            onChange={e => props.onChange(e.target.value)}
          />
        ) : (
          <input
            {...common}
            ref={props.inputRef}
            type={props.type}
            onChange={e => props.onChange(e.target.value)}
          />
        )}
      </label>
      {props.errorFor && <FieldError id={props.errorFor} error={props.error} />}
    </div>
  );
}

/** A labelled group of checkboxes over (value, label) options, with its error under it. */
export function CheckGroup(props: {
  legend: string;
  options: [string, string][];
  selected: string[];
  onChange: (selected: string[]) => void;
  error?: string;
  errorFor?: string;
}): JSX.Element {
  return (
    <fieldset {...invalidProps(props.errorFor, props.error)}>
      <legend>{props.legend}</legend>
      {props.options.map(([value, label]) => (
        <label key={value} className="jp-GovExt-check">
          <input
            type="checkbox"
            checked={props.selected.includes(value)}
            onChange={() => props.onChange(toggle(props.selected, value))}
          />
          {label}
        </label>
      ))}
      {props.errorFor && <FieldError id={props.errorFor} error={props.error} />}
    </fieldset>
  );
}

/** A list item's title as a button that opens the record's document in the main area. */
export function ItemLink(props: {
  title: string;
  onOpen: () => void;
  trans: TranslationBundle;
}): JSX.Element {
  return (
    <button
      className="jp-GovExt-itemLink"
      title={props.trans.__('Open "%1"', props.title)}
      onClick={props.onOpen}
    >
      {props.title}
    </button>
  );
}

/** A search field labelled for screen readers by its placeholder text. */
export function SearchBox(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}): JSX.Element {
  return (
    <input
      className="jp-GovExt-search jp-mod-styled"
      type="search"
      aria-label={props.label}
      placeholder={props.label}
      value={props.value}
      onChange={e => props.onChange(e.target.value)}
    />
  );
}

/** The end of every ballot form: an optional comment, "Cast ballot", and the ballot on record. */
export function BallotFooter(props: {
  comment: string;
  onComment: (comment: string) => void;
  canCast: boolean;
  current: string | null;
  trans: TranslationBundle;
}): JSX.Element {
  const { trans } = props;
  return (
    <>
      <input
        className="jp-mod-styled"
        aria-label={trans.__('Comment (optional)')}
        placeholder={trans.__('Comment (optional)')}
        value={props.comment}
        onChange={e => props.onComment(e.target.value)}
      />
      <button
        type="submit"
        className="jp-mod-styled jp-mod-accept"
        disabled={!props.canCast}
      >
        {trans.__('Cast ballot')}
      </button>
      {props.current && (
        <span className="jp-GovExt-meta">
          {trans.__('Your ballot: %1', props.current)}
        </span>
      )}
    </>
  );
}
