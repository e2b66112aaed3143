import { Notification } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useState } from 'react';

import { reportError } from '../actions';
import { IInput, IPillar } from '../api/types';
import { SearchBox, TextField } from '../components/controls';
import { GovernanceModel } from '../model';

/** What the queue shows: unplaced inputs (or all), narrowed by these. */
export interface IQueueFilter {
  topic: string;
  priority: string;
  stakeholder: string;
  prompt: string;
  query: string;
  showPlaced: boolean;
}

const NO_FILTER: IQueueFilter = {
  topic: '',
  priority: '',
  stakeholder: '',
  prompt: '',
  query: '',
  showPlaced: false
};

/** The inputs the queue lists: those on no pillar (unless `showPlaced`), matching the filter. */
export function queueOf(
  inputs: IInput[],
  pillars: IPillar[],
  f: IQueueFilter
): IInput[] {
  const placed = new Set(pillars.flatMap(p => p.inputs));
  const q = f.query.trim().toLowerCase();
  return inputs.filter(
    i =>
      (f.showPlaced || !placed.has(i.id)) &&
      (!f.topic || i.topics.includes(f.topic)) &&
      (!f.priority || i.priorities.includes(f.priority)) &&
      (!f.stakeholder || (i.stakeholder ?? '') === f.stakeholder) &&
      (!f.prompt || (i.prompt ?? '') === f.prompt) &&
      (!q || `${i.title}\n${i.summary}`.toLowerCase().includes(q))
  );
}

/** "community 2 · member-organisation 1": a count per key, largest first. */
function counts(map: Record<string, number>): string {
  return Object.entries(map)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(' · ');
}

const DRAG_TYPE = 'application/x-jupyter-gov-input';

/**
 * The council's synthesis board: community input on the left, waiting to be placed; draft pillars
 * on the right, each showing who and which priorities support it. Inputs are placed by drag and
 * drop or, from the keyboard, with each input's "Place on" picker. Selected pillars become a
 * proposal that cites every input behind them.
 */
export function SynthesisBoard(props: {
  model: GovernanceModel;
  trans: TranslationBundle;
  onOpenProposal: (id: string) => void;
}): JSX.Element {
  const { model, trans } = props;
  const status = model.status;
  const [filter, setFilter] = useState<IQueueFilter>(NO_FILTER);
  const [target, setTarget] = useState<Record<string, string>>({});
  const [newTitle, setNewTitle] = useState('');
  const [newSummary, setNewSummary] = useState('');
  const [titleError, setTitleError] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [proposalTitle, setProposalTitle] = useState('');
  const [seats, setSeats] = useState(1);
  const [dropOn, setDropOn] = useState('');
  // The pillar being reworded, and its words so far.
  const [editing, setEditing] = useState<{
    id: string;
    title: string;
    summary: string;
  } | null>(null);
  if (!status?.initialised) {
    return <p className="jp-GovExt-empty">{trans.__('Loading…')}</p>;
  }
  const edit = model.canEditPillars;
  const pillars = model.pillars;
  const byId = new Map(model.inputs.map(i => [i.id, i]));
  const queue = queueOf(model.inputs, pillars, filter);
  const groupByPrompt = !!filter.prompt || status.prompts.length > 0;
  const promptText = new Map(status.prompts.map(p => [p.id, p.text]));

  const place = async (inputId: string, pillarId: string) => {
    const pillar = pillars.find(p => p.id === pillarId);
    if (!pillar || pillar.inputs.includes(inputId)) {
      return;
    }
    try {
      await model.editPillar(pillarId, { add: [inputId] });
    } catch (error) {
      reportError(error);
    }
  };
  const unplace = async (inputId: string, pillarId: string) => {
    try {
      await model.editPillar(pillarId, { remove: [inputId] });
    } catch (error) {
      reportError(error);
    }
  };
  const reword = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!editing) {
      return;
    }
    try {
      await model.editPillar(editing.id, {
        title: editing.title,
        summary: editing.summary
      });
      setEditing(null);
    } catch (error) {
      reportError(error);
    }
  };
  const create = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!newTitle.trim()) {
      setTitleError(trans.__('Give the pillar a title.'));
      return;
    }
    // Cleared at once, so what the user types next is not wiped when the answer comes back.
    const draft = { title: newTitle, summary: newSummary, inputs: [] };
    setNewTitle('');
    setNewSummary('');
    setTitleError('');
    try {
      await model.createPillar(draft);
    } catch (error) {
      setNewTitle(draft.title);
      setNewSummary(draft.summary);
      setTitleError(error instanceof Error ? error.message : String(error));
    }
  };
  const propose = async () => {
    try {
      const { proposal, commit } = await model.propose({
        pillars: selected as [string, ...string[]],
        title: proposalTitle,
        seats: selected.length > 1 ? seats : 1
      });
      Notification.success(
        trans.__(
          'Drafted "%1" from %2 pillar(s) (commit %3).',
          proposal.title,
          selected.length,
          commit.slice(0, 7)
        ),
        { autoClose: 5000 }
      );
      setSelected([]);
      setProposalTitle('');
      props.onOpenProposal(proposal.id);
    } catch (error) {
      reportError(error);
    }
  };

  const inputCard = (i: IInput) => (
    <li
      key={i.id}
      className="jp-GovExt-boardInput"
      aria-label={i.title}
      draggable={edit}
      onDragStart={e => {
        e.dataTransfer.setData(DRAG_TYPE, i.id);
        e.dataTransfer.setData('text/plain', i.id);
        e.dataTransfer.effectAllowed = 'copy';
      }}
    >
      <a href={i.url} target="_blank" rel="noopener noreferrer">
        {i.title}
      </a>
      <div className="jp-GovExt-meta">
        <span>{i.author.name || i.author.id}</span>
        {i.stakeholder && <span>{i.stakeholder}</span>}
        {i.priorities.map(p => (
          <span key={p} className="jp-GovExt-tag jp-mod-priority">
            {p}
          </span>
        ))}
      </div>
      {edit && pillars.length > 0 && (
        <div className="jp-GovExt-place">
          <select
            className="jp-mod-styled"
            aria-label={trans.__('Pillar for "%1"', i.title)}
            value={target[i.id] ?? pillars[0].id}
            onChange={e => setTarget({ ...target, [i.id]: e.target.value })}
          >
            {pillars.map(p => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
          <button
            className="jp-mod-styled"
            aria-label={trans.__('Place "%1" on the pillar', i.title)}
            onClick={() => void place(i.id, target[i.id] ?? pillars[0].id)}
          >
            {trans.__('Place')}
          </button>
        </div>
      )}
    </li>
  );

  // The queue, grouped by the prompt each input answers when the council asked any.
  const groups: [string, IInput[]][] = groupByPrompt
    ? Array.from(
        queue.reduce((m, i) => {
          const key = i.prompt ?? '';
          m.set(key, [...(m.get(key) ?? []), i]);
          return m;
        }, new Map<string, IInput[]>())
      )
    : [['', queue]];

  return (
    <div className="jp-GovExt-board">
      <h1>{trans.__('Synthesis board')}</h1>
      <p className="jp-GovExt-summary">
        {trans.__(
          'Group community input into a few strategic pillars, then propose them for a vote. Drag an input onto a pillar, or pick the pillar beside it and press Place.'
        )}
      </p>
      {!edit && (
        <p className="jp-GovExt-note">
          {trans.__(
            'Only council members change the board; you can read it and follow what your input fed.'
          )}
        </p>
      )}
      <div className="jp-GovExt-boardColumns">
        <section
          className="jp-GovExt-queue"
          aria-label={trans.__('Input to place')}
        >
          <h2>
            {trans._n('%1 input to place', '%1 inputs to place', queue.length)}
          </h2>
          <div className="jp-GovExt-filters">
            <SearchBox
              label={trans.__('Search input')}
              value={filter.query}
              onChange={query => setFilter({ ...filter, query })}
            />
            {(
              [
                ['topic', trans.__('Topic'), status.topics.map(t => [t, t])],
                [
                  'priority',
                  trans.__('Priority'),
                  model.priorities.map(p => [p.id, p.title])
                ],
                [
                  'stakeholder',
                  trans.__('Stakeholder'),
                  ['community', 'member-organisation', 'council', 'other'].map(
                    s => [s, s]
                  )
                ],
                [
                  'prompt',
                  trans.__('Prompt'),
                  status.prompts.map(p => [p.id, p.text])
                ]
              ] as [keyof IQueueFilter, string, [string, string][]][]
            )
              .filter(([, , options]) => options.length > 0)
              .map(([key, label, options]) => (
                <select
                  key={key}
                  className="jp-mod-styled"
                  aria-label={trans.__('Filter by %1', label.toLowerCase())}
                  value={String(filter[key])}
                  onChange={e =>
                    setFilter({ ...filter, [key]: e.target.value })
                  }
                >
                  <option value="">
                    {trans.__('Any %1', label.toLowerCase())}
                  </option>
                  {options.map(([value, text]) => (
                    <option key={value} value={value}>
                      {text}
                    </option>
                  ))}
                </select>
              ))}
            <label className="jp-GovExt-check">
              <input
                type="checkbox"
                checked={filter.showPlaced}
                onChange={e =>
                  setFilter({ ...filter, showPlaced: e.target.checked })
                }
              />
              {trans.__('Show placed input too')}
            </label>
          </div>
          {groups.map(([prompt, list]) => (
            <div key={prompt || 'none'}>
              {groupByPrompt && (
                <h3 className="jp-GovExt-groupTitle">
                  {prompt
                    ? (promptText.get(prompt) ?? prompt)
                    : trans.__('Not answering a prompt')}
                </h3>
              )}
              <ul className="jp-GovExt-list">{list.map(inputCard)}</ul>
            </div>
          ))}
        </section>
        <section className="jp-GovExt-pillars" aria-label={trans.__('Pillars')}>
          <h2>{trans._n('%1 pillar', '%1 pillars', pillars.length)}</h2>
          {edit && selected.length > 0 && (
            <div
              className="jp-GovExt-propose"
              role="group"
              aria-label={trans.__('Propose the selected pillars')}
            >
              <TextField
                label={trans.__('Proposal title')}
                value={proposalTitle}
                onChange={setProposalTitle}
              />
              {selected.length > 1 && (
                <label className="jp-GovExt-field">
                  {trans.__('Pillars to adopt (seats)')}
                  <input
                    className="jp-mod-styled"
                    type="number"
                    min={1}
                    max={selected.length - 1}
                    value={seats}
                    onChange={e =>
                      setSeats(Math.max(1, Number(e.target.value) || 1))
                    }
                  />
                </label>
              )}
              <button
                className="jp-mod-styled jp-mod-accept"
                disabled={!proposalTitle.trim()}
                onClick={() => void propose()}
              >
                {selected.length > 1
                  ? trans.__('Propose as a ranked vote')
                  : trans.__('Propose as a yes / no vote')}
              </button>
            </div>
          )}
          <ul className="jp-GovExt-list">
            {pillars.map(p => (
              <li
                key={p.id}
                className={
                  dropOn === p.id
                    ? 'jp-GovExt-pillar jp-mod-dropTarget'
                    : 'jp-GovExt-pillar'
                }
                aria-label={trans.__('Pillar: %1', p.title)}
                onDragOver={e => {
                  if (edit) {
                    e.preventDefault();
                    setDropOn(p.id);
                  }
                }}
                onDragLeave={() => setDropOn('')}
                onDrop={e => {
                  e.preventDefault();
                  setDropOn('');
                  const id = e.dataTransfer.getData(DRAG_TYPE);
                  if (id) {
                    void place(id, p.id);
                  }
                }}
              >
                <div className="jp-GovExt-pillarHead">
                  {edit && (
                    <input
                      type="checkbox"
                      aria-label={trans.__(
                        'Select "%1" for a proposal',
                        p.title
                      )}
                      checked={selected.includes(p.id)}
                      onChange={e =>
                        setSelected(
                          e.target.checked
                            ? [...selected, p.id]
                            : selected.filter(x => x !== p.id)
                        )
                      }
                    />
                  )}
                  <span className="jp-GovExt-itemTitle">{p.title}</span>
                  {edit && editing?.id !== p.id && (
                    <button
                      className="jp-GovExt-link"
                      aria-label={trans.__('Reword "%1"', p.title)}
                      onClick={() =>
                        setEditing({
                          id: p.id,
                          title: p.title,
                          summary: p.summary
                        })
                      }
                    >
                      {trans.__('Reword')}
                    </button>
                  )}
                </div>
                {editing?.id === p.id ? (
                  <form
                    className="jp-GovExt-form"
                    aria-label={trans.__('Reword "%1"', p.title)}
                    onSubmit={reword}
                  >
                    <TextField
                      label={trans.__('Pillar title')}
                      value={editing.title}
                      onChange={title => setEditing({ ...editing, title })}
                    />
                    <TextField
                      label={trans.__('The pillar in one paragraph')}
                      rows={3}
                      value={editing.summary}
                      onChange={summary => setEditing({ ...editing, summary })}
                    />
                    <div className="jp-GovExt-actions">
                      <button
                        type="submit"
                        className="jp-mod-styled jp-mod-accept"
                        disabled={!editing.title.trim()}
                      >
                        {trans.__('Save')}
                      </button>
                      <button
                        type="button"
                        className="jp-mod-styled"
                        onClick={() => setEditing(null)}
                      >
                        {trans.__('Cancel')}
                      </button>
                    </div>
                  </form>
                ) : (
                  p.summary && <p className="jp-GovExt-summary">{p.summary}</p>
                )}
                <div className="jp-GovExt-meta">
                  <span>
                    {trans._n('%1 input', '%1 inputs', p.inputs.length)}
                  </span>
                  {Object.keys(p.stakeholders).length > 0 && (
                    <span>{counts(p.stakeholders)}</span>
                  )}
                  {Object.keys(p.priorities).length > 0 && (
                    <span>{counts(p.priorities)}</span>
                  )}
                </div>
                <ul
                  className="jp-GovExt-plainList"
                  aria-label={trans.__('Inputs supporting %1', p.title)}
                >
                  {p.inputs.map(id => (
                    <li key={id}>
                      {byId.get(id)?.title ?? id}
                      {edit && (
                        <button
                          className="jp-GovExt-link"
                          aria-label={trans.__(
                            'Remove "%1" from %2',
                            byId.get(id)?.title ?? id,
                            p.title
                          )}
                          onClick={() => void unplace(id, p.id)}
                        >
                          {trans.__('Remove')}
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
                {p.proposals.map(x => (
                  <button
                    key={x.id}
                    className="jp-GovExt-link"
                    onClick={() => props.onOpenProposal(x.id)}
                  >
                    {x.decided
                      ? trans.__(
                          'Proposal "%1": %2 on %3',
                          x.title,
                          x.status,
                          x.decided.slice(0, 10)
                        )
                      : trans.__('Proposal "%1": %2', x.title, x.status)}
                  </button>
                ))}
              </li>
            ))}
          </ul>
          {edit && (
            <form
              className="jp-GovExt-form"
              aria-label={trans.__('New pillar')}
              onSubmit={create}
              noValidate
            >
              <TextField
                label={trans.__('Pillar title')}
                value={newTitle}
                onChange={setNewTitle}
                error={titleError}
                errorFor="jp-GovExt-pillar-title-error"
              />
              <TextField
                label={trans.__('The pillar in one paragraph')}
                rows={3}
                value={newSummary}
                onChange={setNewSummary}
              />
              <button type="submit" className="jp-mod-styled jp-mod-accept">
                {trans.__('Add pillar')}
              </button>
            </form>
          )}
        </section>
      </div>
    </div>
  );
}
