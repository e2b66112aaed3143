import { TranslationBundle } from '@jupyterlab/translation';
import React from 'react';

import { IBallotRequest, IProposal } from '../api/types';
import { BallotForm } from './BallotForm';
import { ItemLink } from './controls';
import { TallyChart, TallyView } from './Tally';

export interface IVoteListProps {
  proposals: IProposal[];
  isMember: boolean;
  onCast: (p: IProposal, ballot: IBallotRequest) => Promise<void>;
  trans: TranslationBundle;
  /** Open a proposal's document in the main area. */
  onOpen: (id: string) => void;
  /** Open the proposal draft form in the main area. */
  onDraft: () => void;
  /** Open the members' participation in the main area. */
  onParticipation: () => void;
  /** Open the synthesis board in the main area. */
  onSynthesis: () => void;
}

/** Group proposals the way a council member works through them. */
export function groupProposals(
  proposals: IProposal[]
): Record<string, IProposal[]> {
  const groups: Record<string, IProposal[]> = {
    waiting: [],
    open: [],
    feedback: [],
    draft: [],
    decided: []
  };
  for (const p of proposals) {
    if (p.waiting_for_me) {
      groups.waiting.push(p);
    } else if (p.status === 'voting') {
      groups.open.push(p);
    } else if (p.status === 'feedback' || p.status === 'draft') {
      groups[p.status].push(p);
    } else {
      groups.decided.push(p);
    }
  }
  return groups;
}

export function timeLeft(
  seconds: number | null,
  trans: TranslationBundle
): string {
  if (seconds === null) {
    return '';
  }
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor((seconds % 86400) / 3600);
  return days > 0
    ? trans.__('%1 d %2 h left', days, hours)
    : trans.__('%1 h left', hours);
}

/** The vote list: waiting for your ballot first, then open votes, feedback, drafts, decided. Each
 * item is compact (its tally and ballot); its title opens the whole proposal in the main area. */
export function VoteList(props: IVoteListProps): JSX.Element {
  const { trans } = props;
  // Anyone may draft a proposal for the council to take up; members call its vote.
  const top = (
    <div className="jp-GovExt-actions">
      <button className="jp-mod-styled" onClick={props.onDraft}>
        {trans.__('Draft a proposal')}
      </button>
      <button className="jp-mod-styled" onClick={props.onSynthesis}>
        {trans.__('Synthesis board')}
      </button>
      <button className="jp-mod-styled" onClick={props.onParticipation}>
        {trans.__('Participation')}
      </button>
    </div>
  );
  if (props.proposals.length === 0) {
    return (
      <div className="jp-GovExt-votes">
        {top}
        <p className="jp-GovExt-empty">{trans.__('No proposals yet.')}</p>
      </div>
    );
  }
  const groups = groupProposals(props.proposals);
  const titles: Record<string, string> = {
    waiting: trans.__('Waiting for your ballot'),
    open: trans.__('Open votes'),
    feedback: trans.__('Feedback'),
    draft: trans.__('Drafts'),
    decided: trans.__('Decided')
  };
  return (
    <div className="jp-GovExt-votes">
      {top}
      {!props.isMember && (
        <p className="jp-GovExt-note">
          {trans.__(
            'You are not a council member: you can read every vote but not cast ballots.'
          )}
        </p>
      )}
      {Object.entries(groups)
        .filter(([, list]) => list.length > 0)
        .map(([key, list]) => (
          <section key={key} aria-label={titles[key]}>
            <h3 className="jp-GovExt-groupTitle">{titles[key]}</h3>
            <ul className="jp-GovExt-list">
              {list.map(p => (
                <li key={p.id} className="jp-GovExt-item" aria-label={p.title}>
                  <ItemLink
                    title={p.title}
                    onOpen={() => props.onOpen(p.id)}
                    trans={trans}
                  />
                  <div className="jp-GovExt-meta">
                    <span>{trans.__('Status: %1', p.status)}</span>
                    <span>{trans.__('Sponsor: %1', p.sponsor)}</span>
                    {p.seconded_by && (
                      <span>{trans.__('Seconded by: %1', p.seconded_by)}</span>
                    )}
                    {p.seconds_left !== null && (
                      <span>{timeLeft(p.seconds_left, trans)}</span>
                    )}
                  </div>
                  {p.tallies.map(t => (
                    <React.Fragment key={t.body}>
                      <TallyChart tally={t} trans={trans} />
                      <TallyView tally={t} trans={trans} />
                    </React.Fragment>
                  ))}
                  {p.tallies.length > 1 && p.status === 'voting' && (
                    <div className="jp-GovExt-meta">
                      {p.outcome_so_far === 'accepted'
                        ? trans.__('Every body approves so far: passing.')
                        : trans.__(
                            'Passes only if every body approves: not passing yet.'
                          )}
                    </div>
                  )}
                  <BallotForm
                    proposal={p}
                    onCast={props.onCast}
                    trans={trans}
                  />
                </li>
              ))}
            </ul>
          </section>
        ))}
    </div>
  );
}
