import { TranslationBundle } from '@jupyterlab/translation';
import { ellipsesIcon } from '@jupyterlab/ui-components';
import React from 'react';

import { SectionId } from '../tokens';
import { IBallotRequest, IProposal, IRemoteState } from '../api/types';
import { IDocumentArgs } from '../documents/opener';
import { GovernanceModel } from '../model';
import { IInputFilter } from '../threads';
import { InputList } from './InputList';
import { PriorityList } from './PriorityList';
import { VoteList } from './VoteList';

export interface IGovernanceViewProps {
  model: GovernanceModel;
  trans: TranslationBundle;
  section: SectionId;
  onSection: (s: SectionId) => void;
  filter: IInputFilter;
  onFilter: (f: IInputFilter) => void;
  onCast: (p: IProposal, b: IBallotRequest) => Promise<void>;
  onInitialise: () => Promise<void>;
  pageSize: number;
  onRefresh: () => void;
  /** Open a document in the main area. */
  onOpen: (args: IDocumentArgs) => void;
  /** Open the "…" menu of less frequent and admin actions at this point of the screen. */
  onMore: (x: number, y: number) => void;
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
      <PriorityList
        priorities={model.priorities}
        trans={trans}
        onOpen={id => props.onOpen({ kind: 'priority', id })}
      />
    );
  } else if (props.section === 'inputs') {
    body = (
      <>
        <button
          className="jp-mod-styled jp-mod-accept jp-GovExt-toggleForm"
          onClick={() => props.onOpen({ kind: 'input-form' })}
        >
          {trans.__('Link a post you wrote')}
        </button>
        <InputList
          topics={status.topics}
          priorities={model.priorities}
          inputs={model.inputs}
          proposals={model.proposals}
          trans={trans}
          filter={props.filter}
          onFilter={props.onFilter}
          onAnswer={i => props.onOpen({ kind: 'input-form', respondsTo: i.id })}
          pillars={model.pillars}
          me={status.identity.id}
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
        onOpen={id => props.onOpen({ kind: 'proposal', id })}
        onDraft={() => props.onOpen({ kind: 'new-proposal' })}
        onParticipation={() => props.onOpen({ kind: 'participation' })}
        onSynthesis={() => props.onOpen({ kind: 'synthesis' })}
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
            <button
              className="jp-mod-styled jp-GovExt-moreActions"
              aria-label={trans.__('More actions')}
              title={trans.__('More actions')}
              aria-haspopup="menu"
              onClick={e => {
                const box = e.currentTarget.getBoundingClientRect();
                props.onMore(box.left, box.bottom);
              }}
            >
              <ellipsesIcon.react tag="span" elementSize="small" />
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
