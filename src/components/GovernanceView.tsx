import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import { TranslationBundle } from '@jupyterlab/translation';
import React from 'react';

import { InputDraft } from '../api/derived';
import { SectionId } from '../tokens';
import { IBallotRequest, IInput, IProposal, IRemoteState } from '../api/types';
import { GovernanceModel } from '../model';
import { IInputFilter } from '../threads';
import { InputForm } from './InputForm';
import { InputList } from './InputList';
import { PriorityList } from './PriorityList';
import { VoteList } from './VoteList';

export interface IGovernanceViewProps {
  model: GovernanceModel;
  trans: TranslationBundle;
  rendermime: IRenderMimeRegistry | null;
  section: SectionId;
  onSection: (s: SectionId) => void;
  filter: IInputFilter;
  onFilter: (f: IInputFilter) => void;
  draft: InputDraft;
  onDraft: (d: InputDraft) => void;
  showForm: boolean;
  /** Changes when the form should take the keyboard focus. */
  focusForm?: number;
  onShowForm: (show: boolean) => void;
  onSubmit: (d: InputDraft) => Promise<void>;
  onCast: (p: IProposal, b: IBallotRequest) => Promise<void>;
  onInitialise: () => Promise<void>;
  pageSize: number;
  onRefresh: () => void;
  onImport?: () => void;
  /** Sync with the remote; undefined when the branch tracks no remote branch. */
  onSync?: () => void;
}

/** The tab an arrow, Home or End key moves to from `current` (null for other keys). */
export function nextTab<T>(ids: T[], current: T, key: string): T | null {
  const at = ids.indexOf(current);
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return ids[(at + 1) % ids.length];
    case 'ArrowLeft':
    case 'ArrowUp':
      return ids[(at - 1 + ids.length) % ids.length];
    case 'Home':
      return ids[0];
    case 'End':
      return ids[ids.length - 1];
    default:
      return null;
  }
}

/** The Governance panel's content: a header, then three sections as tabs. */
/** How the clone stands to its remote, as of the last fetch, in a few words. */
export function remoteSummary(
  remote: IRemoteState,
  trans: TranslationBundle
): string {
  const ahead = remote.ahead ?? 0;
  const behind = remote.behind ?? 0;
  const parts =
    ahead || behind
      ? [trans.__('%1 to pull · %2 to push', behind, ahead)]
      : [trans.__('Up to date with %1', remote.upstream ?? '')];
  if (remote.waiting_for_review > 0) {
    parts.push(
      trans.__('%1 waiting for review on your fork', remote.waiting_for_review)
    );
  }
  return parts.join(' · ');
}

export function GovernanceView(props: IGovernanceViewProps): JSX.Element {
  const { model, trans } = props;
  const status = model.status;
  const tabs: [SectionId, string][] = [
    ['priorities', trans.__('Funding priorities')],
    ['inputs', trans.__('Community input')],
    ['votes', trans.__('Votes')]
  ];

  let body: JSX.Element;
  if (model.error) {
    body = (
      <p className="jp-GovExt-error" role="alert">
        {model.error.message}
      </p>
    );
  } else if (!status) {
    body = <p className="jp-GovExt-empty">{trans.__('Loading…')}</p>;
  } else if (!status.initialised) {
    body = (
      <div className="jp-GovExt-empty">
        <p>
          {trans.__(
            'This repo is not initialised: it has no governance.yml yet.'
          )}
        </p>
        <button
          className="jp-mod-styled jp-mod-accept"
          onClick={() => void props.onInitialise()}
        >
          {trans.__('Initialise governance repo')}
        </button>
      </div>
    );
  } else if (props.section === 'priorities') {
    body = (
      <>
        {props.onImport && (
          <button
            className="jp-mod-styled jp-GovExt-import"
            onClick={props.onImport}
          >
            {trans.__('Import funding priorities')}
          </button>
        )}
        <PriorityList
          priorities={model.priorities}
          trans={trans}
          rendermime={props.rendermime}
          onShowInputs={id => {
            props.onFilter({ topic: '', query: '', priority: id });
            props.onSection('inputs');
          }}
        />
      </>
    );
  } else if (props.section === 'inputs') {
    // What the form and the list both show of the repo.
    const repo = {
      topics: status.topics,
      priorities: model.priorities,
      inputs: model.inputs,
      proposals: model.proposals,
      trans
    };
    const answer = (i: IInput) => {
      props.onDraft({ ...props.draft, responds_to: i.id });
      props.onShowForm(true);
    };
    body = (
      <>
        <button
          className="jp-mod-styled jp-GovExt-toggleForm"
          aria-expanded={props.showForm}
          onClick={() => props.onShowForm(!props.showForm)}
        >
          {props.showForm
            ? trans.__('Hide the form')
            : trans.__('Link a post you wrote')}
        </button>
        {props.showForm && (
          <InputForm
            {...repo}
            draft={props.draft}
            focus={props.focusForm}
            onChange={props.onDraft}
            onSubmit={props.onSubmit}
          />
        )}
        <InputList
          {...repo}
          filter={props.filter}
          onFilter={props.onFilter}
          onAnswer={answer}
          pageSize={props.pageSize}
        />
      </>
    );
  } else {
    body = (
      <VoteList
        proposals={model.proposals}
        isMember={status.member}
        onCast={props.onCast}
        trans={trans}
        client={model.client}
        rendermime={props.rendermime}
        revision={status.head ?? ''}
        me={status.identity.id}
        onChanged={props.onRefresh}
        priorities={model.priorities}
        inputs={model.inputs}
        bodies={status.bodies}
      />
    );
  }

  const pending = status
    ? (status.remote.ahead ?? 0) + (status.remote.behind ?? 0)
    : 0;
  return (
    <div className="jp-GovExt-view">
      {status && (
        <header className="jp-GovExt-header">
          <span className="jp-GovExt-repo" title={status.repo_path}>
            {status.repo_path.split('/').pop()} · {status.branch ?? '?'}
          </span>
          <span className="jp-GovExt-meta">
            {status.member
              ? trans.__('Signed in as %1 (council member)', status.identity.id)
              : trans.__('Signed in as %1', status.identity.id)}
          </span>
          <div className="jp-GovExt-actions">
            <button
              className="jp-mod-styled jp-GovExt-refresh"
              onClick={props.onRefresh}
              disabled={model.loading}
            >
              {trans.__('Refresh')}
            </button>
            <button
              className="jp-mod-styled jp-GovExt-sync"
              onClick={props.onSync}
              disabled={!props.onSync}
              title={
                props.onSync
                  ? trans.__(
                      'Pull from and push to %1',
                      status.remote.upstream ?? ''
                    )
                  : trans.__(
                      'This branch tracks no remote branch, so there is nothing to sync with.'
                    )
              }
            >
              {trans.__('Sync')}
            </button>
            {pending > 0 && (
              <span
                className="jp-GovExt-badge"
                title={trans.__('Commits to pull or push: sync to share them')}
              >
                {pending}
              </span>
            )}
          </div>
          {status.remote.upstream && (
            <span className="jp-GovExt-meta jp-GovExt-remote" role="status">
              {remoteSummary(status.remote, trans)}
            </span>
          )}
          {status.problems.length > 0 && (
            <details className="jp-GovExt-problems">
              <summary>
                {trans._n(
                  '%1 file could not be read',
                  '%1 files could not be read',
                  status.problems.length
                )}
              </summary>
              <ul>
                {status.problems.map(p => (
                  <li key={p.path}>
                    {p.path}: {p.problem}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </header>
      )}
      <div
        role="tablist"
        className="jp-GovExt-tabs"
        aria-label={trans.__('Governance sections')}
        onKeyDown={e => {
          // Arrow keys move between the tabs, as in every ARIA tab list.
          const ids = tabs.map(([id]) => id);
          const next = nextTab(ids, props.section, e.key);
          if (next) {
            e.preventDefault();
            props.onSection(next);
            document.getElementById(`jp-GovExt-tab-${next}`)?.focus();
          }
        }}
      >
        {tabs.map(([id, label]) => (
          <button
            key={id}
            role="tab"
            id={`jp-GovExt-tab-${id}`}
            aria-selected={props.section === id}
            tabIndex={props.section === id ? 0 : -1}
            aria-controls="jp-GovExt-tabpanel"
            className={
              props.section === id
                ? 'jp-GovExt-tab jp-mod-current'
                : 'jp-GovExt-tab'
            }
            onClick={() => props.onSection(id)}
          >
            {label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id="jp-GovExt-tabpanel"
        aria-labelledby={`jp-GovExt-tab-${props.section}`}
        className="jp-GovExt-section"
      >
        {body}
      </div>
    </div>
  );
}
