import { TranslationBundle } from '@jupyterlab/translation';
import React, { useEffect, useRef, useState } from 'react';

import { GovApiError } from '../api/client';
import { InputDraft } from '../api/derived';
import { IInput, IPriority, IProposal } from '../api/types';
import { FieldErrors, validateDraft } from '../validation';
import { CheckGroup, TextField } from './controls';

export interface IInputFormProps {
  draft: InputDraft;
  /** When this changes (and on mount, if set), the title field takes the keyboard focus. */
  focus?: number;
  onChange: (d: InputDraft) => void;
  onSubmit: (d: InputDraft) => Promise<void>;
  topics: string[];
  priorities: IPriority[];
  inputs: IInput[];
  proposals: IProposal[];
  trans: TranslationBundle;
}

/** The submit form, with the forum's posting guidelines beside it. */
export function InputForm(props: IInputFormProps): JSX.Element {
  const { trans, draft } = props;
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (props.focus) {
      titleRef.current?.focus();
    }
  }, [props.focus]);
  const __ = (msg: string, ...args: unknown[]) =>
    trans.__(msg, ...(args as string[]));
  const set = (patch: Partial<InputDraft>) =>
    props.onChange({ ...draft, ...patch });

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const found = validateDraft(draft, __);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      return;
    }
    setBusy(true);
    try {
      await props.onSubmit(draft);
      setErrors({});
    } catch (error) {
      if (error instanceof GovApiError) {
        const field = (error.field ?? 'title') as keyof InputDraft;
        setErrors({ [field]: error.message });
      }
    } finally {
      setBusy(false);
    }
  };

  const error = (field: keyof InputDraft) =>
    errors[field] ? (
      <span
        className="jp-GovExt-error"
        role="alert"
        id={`jp-GovExt-err-${field}`}
      >
        {errors[field]}
      </span>
    ) : null;

  return (
    <div className="jp-GovExt-submit">
      <aside
        className="jp-GovExt-guidelines"
        aria-label={trans.__('Posting guidelines')}
      >
        <h4>{trans.__('Posting guidelines')}</h4>
        <ul>
          <li>{trans.__('Share only writing that you wrote yourself.')}</li>
          <li>
            {trans.__(
              'Host it elsewhere (your blog, a publication) and submit the link, not the post.'
            )}
          </li>
          <li>
            {trans.__(
              'No debate here: to answer a post, write your own and link it with "Responds to".'
            )}
          </li>
        </ul>
        <h4>{trans.__('Need a prompt?')}</h4>
        <ul>
          <li>
            {trans.__(
              'How should Jupyter decide what to work on, and who decides?'
            )}
          </li>
          <li>
            {trans.__(
              'What would help you, or your organisation, contribute more?'
            )}
          </li>
          <li>
            {trans.__(
              'How should the councils and the Foundation work together?'
            )}
          </li>
        </ul>
      </aside>
      <form className="jp-GovExt-form" onSubmit={submit} noValidate>
        <TextField
          label={trans.__('Title')}
          value={draft.title}
          inputRef={titleRef}
          invalid={!!errors.title}
          onChange={title => set({ title })}
        />
        {error('title')}
        <TextField
          label={trans.__('Link to your post')}
          type="url"
          placeholder="https://"
          value={draft.url}
          invalid={!!errors.url}
          onChange={url => set({ url })}
        />
        {error('url')}
        <CheckGroup
          legend={trans.__('Topics')}
          options={props.topics.map(t => [t, t])}
          selected={draft.topics}
          onChange={topics => set({ topics })}
        />
        {error('topics')}
        <CheckGroup
          legend={trans.__('Funding priorities')}
          options={props.priorities.map(p => [p.id, p.title])}
          selected={draft.priorities}
          onChange={priorities => set({ priorities })}
        />
        {error('priorities')}
        <label>
          {trans.__('Responds to')}
          <select
            className="jp-mod-styled"
            value={draft.responds_to ?? ''}
            onChange={e => set({ responds_to: e.target.value || null })}
          >
            <option value="">{trans.__('Nothing (a new thread)')}</option>
            {props.inputs.map(i => (
              <option key={i.id} value={i.id}>
                {trans.__('Input: %1', i.title)}
              </option>
            ))}
            {props.proposals.map(p => (
              <option key={p.id} value={p.id}>
                {trans.__('Proposal: %1', p.title)}
              </option>
            ))}
          </select>
        </label>
        {error('responds_to')}
        <TextField
          label={trans.__('Summary (optional, at most 500 characters)')}
          rows={3}
          value={draft.summary}
          onChange={summary => set({ summary })}
        />
        {error('summary')}
        <label className="jp-GovExt-check">
          <input
            type="checkbox"
            checked={draft.own_content}
            onChange={e => set({ own_content: e.target.checked })}
          />
          {trans.__('I wrote this and host it elsewhere')}
        </label>
        {error('own_content')}
        <button
          type="submit"
          className="jp-mod-styled jp-mod-accept"
          disabled={busy}
        >
          {trans.__('Submit input')}
        </button>
      </form>
    </div>
  );
}
