import { TranslationBundle } from '@jupyterlab/translation';
import React, { useRef, useState } from 'react';

import { GovApiError } from '../api/client';
import { IBody, IInput, IPriority } from '../api/types';
import {
  ProposalErrors,
  ProposalFormState,
  validateProposal
} from '../validation';
import {
  CheckGroup,
  errorId,
  FieldError,
  focusFirstInvalid,
  invalidProps,
  TextField
} from './controls';

const FORM = 'proposal';

/**
 * Anyone drafts a proposal for a council to take up (it starts as a draft); any member of its
 * voting body may then call the vote and becomes its sponsor. The form checks what the server
 * checks before sending, and a server error lands on the field it names.
 */
export function ProposalForm(props: {
  draft: ProposalFormState;
  onChange: (d: ProposalFormState) => void;
  onSubmit: (d: ProposalFormState) => Promise<void>;
  onCancel: () => void;
  priorities: IPriority[];
  inputs: IInput[];
  /** The repo's voting bodies; a picker is shown when there is more than one. */
  bodies: IBody[];
  trans: TranslationBundle;
}): JSX.Element {
  const { trans, draft } = props;
  const [errors, setErrors] = useState<ProposalErrors>({});
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const __ = (msg: string, ...args: unknown[]) =>
    trans.__(msg, ...(args as string[]));
  const set = (patch: Partial<ProposalFormState>) =>
    props.onChange({ ...draft, ...patch });
  const field = (name: keyof ProposalFormState) => ({
    error: errors[name],
    errorFor: errorId(FORM, name)
  });

  const fail = (found: ProposalErrors) => {
    setErrors(found);
    // After React has drawn the messages: the first invalid field takes the focus.
    requestAnimationFrame(() => focusFirstInvalid(form.current));
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const found = validateProposal(draft, props.bodies.length, __);
    if (Object.keys(found).length > 0) {
      return fail(found);
    }
    setBusy(true);
    try {
      await props.onSubmit(draft);
      setErrors({});
    } catch (err) {
      // On the field the server names if the form shows it, else above the buttons.
      const ranked = draft.kind === 'ranked';
      const shown: Record<string, boolean> = {
        title: true,
        body: true,
        options: ranked,
        seats: ranked,
        bodies: props.bodies.length > 1
      };
      const named = err instanceof GovApiError ? (err.field ?? '') : '';
      const key = shown[named]
        ? named === 'options'
          ? 'optionsText'
          : named
        : 'form';
      fail({ [key]: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  const formError = (errors as Record<string, string>).form;
  return (
    <form
      ref={form}
      className="jp-GovExt-form"
      onSubmit={submit}
      noValidate
      aria-label={trans.__('Draft a proposal')}
    >
      <TextField
        label={trans.__('Proposal title')}
        value={draft.title}
        onChange={title => set({ title })}
        {...field('title')}
      />
      <TextField
        label={trans.__('Proposal text (Markdown)')}
        rows={8}
        value={draft.body}
        onChange={body => set({ body })}
        {...field('body')}
      />
      <label className="jp-GovExt-field">
        {trans.__('Kind of vote')}
        <select
          className="jp-mod-styled"
          value={draft.kind}
          onChange={e =>
            set({ kind: e.target.value as ProposalFormState['kind'] })
          }
        >
          <option value="binary">{trans.__('Yes / No / Blank')}</option>
          <option value="ranked">
            {trans.__('Ranked options (ranked choice)')}
          </option>
        </select>
      </label>
      {draft.kind === 'ranked' && (
        <>
          <TextField
            label={trans.__('Options, one per line')}
            rows={4}
            value={draft.optionsText}
            onChange={optionsText => set({ optionsText })}
            {...field('optionsText')}
          />
          <label className="jp-GovExt-field">
            {trans.__('Seats to fill')}
            <input
              className="jp-mod-styled"
              type="number"
              min={1}
              max={19}
              value={draft.seats}
              {...invalidProps(errorId(FORM, 'seats'), errors.seats)}
              onChange={e =>
                set({ seats: Math.max(1, Number(e.target.value) || 1) })
              }
            />
          </label>
          <FieldError id={errorId(FORM, 'seats')} error={errors.seats} />
        </>
      )}
      {draft.kind === 'binary' && (
        <label className="jp-GovExt-check">
          <input
            type="checkbox"
            checked={draft.threshold === 'two-thirds'}
            onChange={e =>
              set({ threshold: e.target.checked ? 'two-thirds' : null })
            }
          />
          {trans.__(
            'Needs two thirds of the whole body (e.g. removing a member)'
          )}
        </label>
      )}
      <label className="jp-GovExt-field">
        {trans.__('Door')}
        <select
          className="jp-mod-styled"
          value={draft.door}
          onChange={e =>
            set({ door: e.target.value as ProposalFormState['door'] })
          }
        >
          <option value="two-way">
            {trans.__('Two-way: easy to reverse')}
          </option>
          <option value="one-way">
            {trans.__('One-way: hard to reverse')}
          </option>
        </select>
      </label>
      {props.bodies.length > 1 && (
        <CheckGroup
          legend={trans.__('Needs approval from')}
          options={props.bodies.map(b => [b.id, b.name])}
          selected={draft.bodies}
          onChange={bodies => set({ bodies })}
          {...field('bodies')}
        />
      )}
      <CheckGroup
        legend={trans.__('Funding priorities')}
        options={props.priorities.map(p => [p.id, p.title])}
        selected={draft.priorities}
        onChange={priorities => set({ priorities })}
      />
      <label className="jp-GovExt-field">
        {trans.__('Cited community input')}
        <select
          className="jp-mod-styled"
          multiple
          value={draft.cites}
          onChange={e =>
            set({ cites: Array.from(e.target.selectedOptions, o => o.value) })
          }
        >
          {props.inputs.map(i => (
            <option key={i.id} value={i.id}>
              {i.title}
            </option>
          ))}
        </select>
      </label>
      <FieldError id={errorId(FORM, 'form')} error={formError} />
      <div className="jp-GovExt-actions">
        <button
          type="submit"
          className="jp-mod-styled jp-mod-accept"
          disabled={busy}
        >
          {trans.__('Save draft')}
        </button>
        <button
          type="button"
          className="jp-mod-styled"
          onClick={props.onCancel}
        >
          {trans.__('Cancel')}
        </button>
      </div>
    </form>
  );
}
