import { TranslationBundle } from '@jupyterlab/translation';
import React from 'react';

import { IProposalDetail } from '../api/types';

/** A step of the proposal lifecycle that the user can take now. */
export interface IProposalAction {
  id: 'feedback' | 'call' | 'second' | 'close' | 'withdraw';
  label: string;
}

/**
 * Which lifecycle steps this user may take on this proposal (the server checks again):
 * the sponsor opens feedback, calls a vote and withdraws; another member seconds a call;
 * any member may try to close a vote (allowed once the period ends or everyone voted).
 */
export function proposalActions(
  p: IProposalDetail,
  me: string,
  isMember: boolean,
  trans: TranslationBundle
): IProposalAction[] {
  const sponsor = p.sponsor.toLowerCase() === me.toLowerCase();
  const open = ['draft', 'feedback', 'voting'].includes(p.status);
  const actions: IProposalAction[] = [];
  if (sponsor && p.status === 'draft') {
    actions.push({ id: 'feedback', label: trans.__('Open for feedback') });
  }
  if (
    sponsor &&
    ['draft', 'feedback'].includes(p.status) &&
    !p.second_requested
  ) {
    actions.push({ id: 'call', label: trans.__('Call a vote') });
  }
  if (isMember && !sponsor && p.second_requested && p.status !== 'voting') {
    actions.push({ id: 'second', label: trans.__('Second the call to vote') });
  }
  if (isMember && p.status === 'voting') {
    actions.push({ id: 'close', label: trans.__('Close the vote') });
  }
  if (sponsor && open) {
    actions.push({ id: 'withdraw', label: trans.__('Withdraw') });
  }
  return actions;
}

export function ProposalActions(props: {
  actions: IProposalAction[];
  onAction: (a: IProposalAction) => void;
}): JSX.Element | null {
  if (props.actions.length === 0) {
    return null;
  }
  return (
    <div className="jp-GovExt-actions">
      {props.actions.map(a => (
        <button
          key={a.id}
          className="jp-mod-styled"
          onClick={() => props.onAction(a)}
        >
          {a.label}
        </button>
      ))}
    </div>
  );
}
