import { Notification } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useState } from 'react';

import { GovApiError, GovernanceClient } from '../api/client';
import { ProposalDraft } from '../api/derived';
import { IBody, IInput, IPriority } from '../api/types';
import { CheckGroup, TextField } from './controls';

const EMPTY: ProposalDraft = {
  title: '',
  body: '',
  kind: 'binary',
  options: [],
  seats: 1,
  threshold: null,
  door: 'two-way',
  priorities: [],
  cites: [],
  bodies: []
};

/**
 * Anyone drafts a proposal for a council to take up (it starts as a draft); any member of its
 * voting body may then call the vote and becomes its sponsor.
 */
export function ProposalForm(props: {
  client: GovernanceClient;
  priorities: IPriority[];
  inputs: IInput[];
  /** The repo's voting bodies; a picker is shown when there is more than one. */
  bodies: IBody[];
  trans: TranslationBundle;
  onCreated: (id: string) => void;
}): JSX.Element {
  const { trans } = props;
  const [shown, setShown] = useState(false);
  const [draft, setDraft] = useState<ProposalDraft>(EMPTY);
  const [optionsText, setOptionsText] = useState('');
  const [error, setError] = useState('');
  const set = (patch: Partial<ProposalDraft>) =>
    setDraft({ ...draft, ...patch });

  if (!shown) {
    return (
      <button
        className="jp-mod-styled"
        onClick={() => {
          // The first body (the council) is ticked by default, as the server assumes.
          setDraft({
            ...draft,
            bodies: props.bodies.slice(0, 1).map(b => b.id)
          });
          setShown(true);
        }}
      >
        {trans.__('Draft a proposal')}
      </button>
    );
  }
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const options =
      draft.kind === 'ranked'
        ? optionsText
            .split('\n')
            .map(o => o.trim())
            .filter(Boolean)
        : [];
    if (props.bodies.length > 1 && draft.bodies.length === 0) {
      setError(trans.__('Choose at least one voting body.'));
      return;
    }
    try {
      const ranked = draft.kind === 'ranked';
      const { proposal, commit } = await props.client.createProposal({
        ...draft,
        options,
        seats: ranked ? draft.seats : 1,
        threshold: ranked ? null : draft.threshold
      });
      Notification.success(
        trans.__(
          'Drafted "%1" (commit %2).',
          proposal.title,
          commit.slice(0, 7)
        ),
        { autoClose: 4000 }
      );
      setDraft(EMPTY);
      setOptionsText('');
      setShown(false);
      setError('');
      props.onCreated(proposal.id);
    } catch (err) {
      setError(err instanceof GovApiError ? err.message : String(err));
    }
  };
  return (
    <form
      className="jp-GovExt-form"
      onSubmit={submit}
      aria-label={trans.__('Draft a proposal')}
    >
      <TextField
        label={trans.__('Proposal title')}
        value={draft.title}
        onChange={title => set({ title })}
      />
      <TextField
        label={trans.__('Proposal text (Markdown)')}
        rows={5}
        value={draft.body}
        onChange={body => set({ body })}
      />
      <label>
        {trans.__('Kind of vote')}
        <select
          className="jp-mod-styled"
          value={draft.kind}
          onChange={e => set({ kind: e.target.value as ProposalDraft['kind'] })}
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
            rows={3}
            value={optionsText}
            onChange={setOptionsText}
          />
          <label>
            {trans.__('Seats to fill')}
            <input
              className="jp-mod-styled"
              type="number"
              min={1}
              max={19}
              value={draft.seats}
              onChange={e =>
                set({ seats: Math.max(1, Number(e.target.value) || 1) })
              }
            />
          </label>
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
      <label>
        {trans.__('Door')}
        <select
          className="jp-mod-styled"
          value={draft.door}
          onChange={e => set({ door: e.target.value as ProposalDraft['door'] })}
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
        />
      )}
      <CheckGroup
        legend={trans.__('Funding priorities')}
        options={props.priorities.map(p => [p.id, p.title])}
        selected={draft.priorities}
        onChange={priorities => set({ priorities })}
      />
      <label>
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
      {error && (
        <span className="jp-GovExt-error" role="alert">
          {error}
        </span>
      )}
      <div className="jp-GovExt-actions">
        <button type="submit" className="jp-mod-styled jp-mod-accept">
          {trans.__('Save draft')}
        </button>
        <button
          type="button"
          className="jp-mod-styled"
          onClick={() => setShown(false)}
        >
          {trans.__('Cancel')}
        </button>
      </div>
    </form>
  );
}
