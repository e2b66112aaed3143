import { TranslationBundle } from '@jupyterlab/translation';
import React, { useEffect, useRef, useState } from 'react';

import { GovApiError } from '../api/client';
import { InputDraft } from '../api/derived';
import { IInput, IPriority, IPrompt, IProposal } from '../api/types';
import { FieldErrors, validateDraft } from '../validation';
import {
  CheckGroup,
  errorId,
  FieldError,
  focusFirstInvalid,
  invalidProps,
  TextField
} from './controls';

const FORM = 'input';

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
  /** The council's current questions (governance.yml `prompts`). */
  prompts?: IPrompt[];
  /** Whether the guidelines start open (default: yes). */
  guidelinesOpen?: boolean;
}

/** The submit form, with the forum's posting guidelines beside it. */
export function InputForm(props: IInputFormProps): JSX.Element {
  const { trans, draft } = props;
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (props.focus) {
      titleRef.current?.focus();
    }
  }, [props.focus]);
  const __ = (msg: string, ...args: unknown[]) =>
    trans.__(msg, ...(args as string[]));
  const set = (patch: Partial<InputDraft>) =>
    props.onChange({ ...draft, ...patch });

  const fail = (found: FieldErrors) => {
    setErrors(found);
    // After React has drawn the messages: the first invalid field takes the focus.
    requestAnimationFrame(() => focusFirstInvalid(form.current));
  };
  const field = (name: keyof InputDraft) => ({
    error: errors[name],
    errorFor: errorId(FORM, name)
  });

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const found = validateDraft(draft, __);
    if (Object.keys(found).length > 0) {
      return fail(found);
    }
    setBusy(true);
    try {
      await props.onSubmit(draft);
      setErrors({});
    } catch (error) {
      const known = error instanceof GovApiError && error.field;
      const name = (
        known && known in draft ? known : 'form'
      ) as keyof InputDraft;
      fail({ [name]: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="jp-GovExt-submit">
      <form
        ref={form}
        className="jp-GovExt-form"
        onSubmit={submit}
        noValidate
        aria-label={trans.__('Submit community input')}
      >
        <TextField
          label={trans.__('Title')}
          value={draft.title}
          inputRef={titleRef}
          onChange={title => set({ title })}
          {...field('title')}
        />
        <TextField
          label={trans.__('Link to your post')}
          type="url"
          placeholder="https://"
          value={draft.url}
          onChange={url => set({ url })}
          {...field('url')}
        />
        <CheckGroup
          legend={trans.__('Topics')}
          options={props.topics.map(t => [t, t])}
          selected={draft.topics}
          onChange={topics => set({ topics })}
          {...field('topics')}
        />
        <CheckGroup
          legend={trans.__('Funding priorities')}
          options={props.priorities.map(p => [p.id, p.title])}
          selected={draft.priorities}
          onChange={priorities => set({ priorities })}
          {...field('priorities')}
        />
        <label className="jp-GovExt-field">
          {trans.__('Responds to')}
          <select
            className="jp-mod-styled"
            {...invalidProps(errorId(FORM, 'responds_to'), errors.responds_to)}
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
        <FieldError
          id={errorId(FORM, 'responds_to')}
          error={errors.responds_to}
        />
        <label className="jp-GovExt-field">
          {trans.__('Whose voice is this?')}
          <select
            className="jp-mod-styled"
            value={draft.stakeholder}
            onChange={e =>
              set({
                stakeholder: e.target.value as InputDraft['stakeholder']
              })
            }
          >
            <option value="community">{trans.__('A community member')}</option>
            <option value="member-organisation">
              {trans.__('A Foundation member organisation')}
            </option>
            <option value="council">{trans.__('A council member')}</option>
            <option value="other">{trans.__('Other')}</option>
          </select>
        </label>
        {props.prompts && props.prompts.length > 0 && (
          <label className="jp-GovExt-field">
            {trans.__('Answers the council’s question')}
            <select
              className="jp-mod-styled"
              value={draft.prompt ?? ''}
              onChange={e => set({ prompt: e.target.value || null })}
            >
              <option value="">{trans.__('None in particular')}</option>
              {props.prompts.map(p => (
                <option key={p.id} value={p.id}>
                  {p.text}
                </option>
              ))}
            </select>
          </label>
        )}
        <TextField
          label={trans.__('Summary (optional, at most 500 characters)')}
          rows={3}
          value={draft.summary}
          onChange={summary => set({ summary })}
          {...field('summary')}
        />
        <label className="jp-GovExt-check">
          <input
            type="checkbox"
            {...invalidProps(errorId(FORM, 'own_content'), errors.own_content)}
            checked={draft.own_content}
            onChange={e => set({ own_content: e.target.checked })}
          />
          {trans.__('I wrote this and host it elsewhere')}
        </label>
        <FieldError
          id={errorId(FORM, 'own_content')}
          error={errors.own_content}
        />
        <FieldError
          id={errorId(FORM, 'form')}
          error={(errors as Record<string, string>).form}
        />
        <button
          type="submit"
          className="jp-mod-styled jp-mod-accept"
          disabled={busy}
        >
          {trans.__('Submit input')}
        </button>
      </form>
      <details
        className="jp-GovExt-guidelines"
        aria-label={trans.__('Posting guidelines')}
        open={props.guidelinesOpen ?? true}
      >
        <summary>{trans.__('Posting guidelines')}</summary>
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
        <h4>{trans.__('The council asks')}</h4>
        {props.prompts && props.prompts.length > 0 ? (
          <ul aria-label={trans.__('The council asks')}>
            {props.prompts.map(p => (
              <li key={p.id}>{p.text}</li>
            ))}
          </ul>
        ) : (
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
        )}
      </details>
    </div>
  );
}
