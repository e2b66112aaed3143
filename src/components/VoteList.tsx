import { TranslationBundle } from '@jupyterlab/translation';
import React, { useState } from 'react';

import { IRenderMimeRegistry } from '@jupyterlab/rendermime';

import { GovernanceClient } from '../api/client';
import {
  IBallotRequest,
  IBody,
  IInput,
  IPriority,
  IProposal
} from '../api/types';
import { BallotValue, ITally } from '../api/derived';
import { BallotFooter } from './controls';
import { Participation } from './Participation';
import { RankedBallotForm } from './RankedBallotForm';
import { ProposalForm } from './ProposalForm';
import { ProposalDetails } from './ProposalDetails';

export interface IVoteListProps {
  proposals: IProposal[];
  isMember: boolean;
  onCast: (p: IProposal, ballot: IBallotRequest) => Promise<void>;
  trans: TranslationBundle;
  client: GovernanceClient;
  rendermime: IRenderMimeRegistry | null;
  /** The repo's head commit: details re-fetch when it moves. */
  revision: string;
  me: string;
  onChanged: () => void;
  priorities: IPriority[];
  inputs: IInput[];
  /** The repo's voting bodies, for the proposal form's picker. */
  bodies: IBody[];
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

function timeLeft(seconds: number | null, trans: TranslationBundle): string {
  if (seconds === null) {
    return '';
  }
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor((seconds % 86400) / 3600);
  return days > 0
    ? trans.__('%1 d %2 h left', days, hours)
    : trans.__('%1 h left', hours);
}

function TallyView(props: {
  tally: ITally;
  trans: TranslationBundle;
}): JSX.Element {
  const { tally: t, trans } = props;
  return (
    <div
      className="jp-GovExt-tally"
      role="group"
      aria-label={trans.__('Tally for %1', t.body_name)}
    >
      <span className="jp-GovExt-meta">{t.body_name}</span>
      {t.kind === 'binary' && t.cast > 0 && (
        <span
          className="jp-GovExt-bars"
          role="img"
          aria-label={trans.__('Yes %1, No %2, Blank %3', t.yes, t.no, t.blank)}
        >
          {(['yes', 'no', 'blank'] as const).map(k => (
            <span
              key={k}
              className={`jp-GovExt-bar jp-mod-${k}`}
              style={{ width: `${(100 * t[k]) / t.members}%` }}
            />
          ))}
        </span>
      )}
      {t.kind === 'binary' && (
        <span>
          {trans.__('Yes: %1', t.yes)} · {trans.__('No: %1', t.no)} ·{' '}
          {trans.__('Blank: %1', t.blank)}
        </span>
      )}
      {t.kind === 'binary' && t.threshold === 'two-thirds' && (
        <span>
          {trans.__(
            'Needs two thirds of the whole body: %1 yes of %2 members',
            t.yes_needed ?? 0,
            t.members
          )}
        </span>
      )}
      {t.kind === 'ranked' && (
        <span>
          {t.seats > 1
            ? trans.__(
                'Elected so far (%1 seats): %2',
                t.seats,
                t.elected.join(', ') || trans.__('none')
              )
            : trans.__('Leading: %1', t.winner ?? trans.__('none'))}
          {' · '}
          {trans.__('Blank: %1', t.blank)}
        </span>
      )}
      <span>
        {t.quorum_met
          ? trans.__('Quorum met (%1 cast, %2 needed)', t.cast, t.quorum_needed)
          : trans.__(
              'Quorum not met (%1 cast, %2 needed)',
              t.cast,
              t.quorum_needed
            )}
      </span>
      <span className="jp-GovExt-outcome">
        {t.outcome === 'accepted'
          ? trans.__('Passing')
          : trans.__('Not passing')}
      </span>
    </div>
  );
}

function BallotForm(props: {
  proposal: IProposal;
  onCast: IVoteListProps['onCast'];
  trans: TranslationBundle;
}): JSX.Element {
  const { proposal: p, trans } = props;
  const [value, setValue] = useState<BallotValue | ''>(
    p.my_ballot?.value ?? ''
  );
  const [comment, setComment] = useState(p.my_ballot?.comment ?? '');
  const labels: Record<BallotValue, string> = {
    yes: trans.__('Yes'),
    no: trans.__('No'),
    blank: trans.__('Blank')
  };
  return (
    <form
      className="jp-GovExt-ballot"
      onSubmit={e => {
        e.preventDefault();
        if (value) {
          void props.onCast(p, { value, comment });
        }
      }}
    >
      <div role="radiogroup" aria-label={trans.__('Your ballot')}>
        {(['yes', 'no', 'blank'] as BallotValue[]).map(v => (
          <label key={v} className="jp-GovExt-check">
            <input
              type="radio"
              name={`ballot-${p.id}`}
              checked={value === v}
              onChange={() => setValue(v)}
            />
            {labels[v]}
          </label>
        ))}
      </div>
      <BallotFooter
        comment={comment}
        onComment={setComment}
        canCast={!!value}
        current={p.my_ballot ? labels[p.my_ballot.value ?? 'blank'] : null}
        trans={trans}
      />
    </form>
  );
}

/** The vote panel: waiting for your ballot first, then open votes, feedback, drafts, decided. */
export function VoteList(props: IVoteListProps): JSX.Element {
  const { trans } = props;
  const [open, setOpen] = useState<string | null>(null);
  // Anyone may draft a proposal for the council to take up; members call its vote.
  const form = (
    <ProposalForm
      {...props}
      onCreated={id => {
        setOpen(id);
        props.onChanged();
      }}
    />
  );
  if (props.proposals.length === 0) {
    return (
      <div className="jp-GovExt-votes">
        {form}
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
      {form}
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
                  <span className="jp-GovExt-itemTitle">{p.title}</span>
                  <div className="jp-GovExt-meta">
                    {trans.__('Status: %1', p.status)} ·{' '}
                    {trans.__('Sponsor: %1', p.sponsor)}
                    {p.seconded_by
                      ? ` · ${trans.__('Seconded by: %1', p.seconded_by)}`
                      : ''}
                    {p.seconds_left !== null
                      ? ` · ${timeLeft(p.seconds_left, trans)}`
                      : ''}
                  </div>
                  {p.tallies.map(t => (
                    <TallyView key={t.body} tally={t} trans={trans} />
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
                  {p.can_vote && p.kind === 'binary' && (
                    <BallotForm
                      proposal={p}
                      onCast={props.onCast}
                      trans={trans}
                    />
                  )}
                  {p.can_vote && p.kind === 'ranked' && (
                    <RankedBallotForm
                      proposal={p}
                      onCast={props.onCast}
                      trans={trans}
                    />
                  )}
                  <button
                    className="jp-GovExt-link"
                    aria-expanded={open === p.id}
                    onClick={() => setOpen(open === p.id ? null : p.id)}
                  >
                    {open === p.id
                      ? trans.__('Hide details')
                      : trans.__('Details and ballots')}
                  </button>
                  {open === p.id && <ProposalDetails {...props} id={p.id} />}
                </li>
              ))}
            </ul>
          </section>
        ))}
      <Participation client={props.client} trans={trans} />
    </div>
  );
}
