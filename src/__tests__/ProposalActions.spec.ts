import { nullTranslator } from '@jupyterlab/translation';

import { ProposalActionId } from '../api/derived';
import { IActions, IProposal } from '../api/types';
import { proposalActions } from '../components/ProposalActions';

const trans = nullTranslator.load('jupyter_gov_ext');

/** A proposal whose server-decided permissions allow exactly `allowed`. */
function proposal(...allowed: ProposalActionId[]): Pick<IProposal, 'actions'> {
  const all: ProposalActionId[] = [
    'edit',
    'feedback',
    'call',
    'second',
    'withdraw',
    'vote',
    'close'
  ];
  const actions = Object.fromEntries(
    all.map(id => [
      id,
      { allowed: allowed.includes(id), why: allowed.includes(id) ? null : 'no' }
    ])
  ) as unknown as IActions;
  return { actions };
}

describe('proposal lifecycle buttons', () => {
  it('shows exactly the steps the server allows, in lifecycle order', () => {
    const got = proposalActions(
      proposal('withdraw', 'call', 'feedback'),
      trans
    );
    expect(got.map(a => a.id)).toEqual(['feedback', 'call', 'withdraw']);
    expect(got.map(a => a.label)).toEqual([
      'Open for feedback',
      'Call a vote',
      'Withdraw'
    ]);
  });

  it('never shows a step the server refuses, nor the ones that are not buttons', () => {
    expect(proposalActions(proposal(), trans)).toEqual([]);
    expect(proposalActions(proposal('vote', 'edit'), trans)).toEqual([]);
    expect(
      proposalActions(proposal('second', 'close'), trans).map(a => a.id)
    ).toEqual(['second', 'close']);
  });
});
