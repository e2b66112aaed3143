import { TranslationBundle } from '@jupyterlab/translation';
import React from 'react';

import { ProposalActionId } from '../api/derived';
import { IProposal } from '../api/types';

/** A lifecycle step shown as a button. */
export interface IProposalAction {
  id: Extract<
    ProposalActionId,
    'feedback' | 'call' | 'second' | 'close' | 'withdraw'
  >;
  label: string;
}

const ORDER: IProposalAction['id'][] = [
  'feedback',
  'call',
  'second',
  'close',
  'withdraw'
];

/**
 * The lifecycle steps the server says this user may take now (`proposal.actions`): the client
 * does not decide permissions, it only labels them.
 */
export function proposalActions(
  p: Pick<IProposal, 'actions'>,
  trans: TranslationBundle
): IProposalAction[] {
  const labels: Record<IProposalAction['id'], string> = {
    feedback: trans.__('Open for feedback'),
    call: trans.__('Call a vote'),
    second: trans.__('Second the call to vote'),
    close: trans.__('Close the vote'),
    withdraw: trans.__('Withdraw')
  };
  return ORDER.filter(id => p.actions?.[id]?.allowed).map(id => ({
    id,
    label: labels[id]
  }));
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
