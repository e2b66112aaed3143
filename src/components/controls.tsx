import { TranslationBundle } from '@jupyterlab/translation';
import React from 'react';

/** Small controls shared by the panel's forms and lists. */

export function toggle(list: string[], value: string): string[] {
  return list.includes(value)
    ? list.filter(v => v !== value)
    : [...list, value];
}

/** A labelled text input, or a text area when `rows` is given. */
export function TextField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  type?: string;
  placeholder?: string;
  invalid?: boolean;
  inputRef?: React.Ref<HTMLInputElement>;
}): JSX.Element {
  const common = {
    className: 'jp-mod-styled',
    value: props.value,
    placeholder: props.placeholder,
    'aria-invalid': props.invalid
  };
  return (
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
  );
}

/** A labelled group of checkboxes over (value, label) options. */
export function CheckGroup(props: {
  legend: string;
  options: [string, string][];
  selected: string[];
  onChange: (selected: string[]) => void;
}): JSX.Element {
  return (
    <fieldset>
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
    </fieldset>
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
