import { nullTranslator } from '@jupyterlab/translation';

import { IProposalDetail } from '../api/types';
import { proposalActions } from '../components/ProposalActions';

const trans = nullTranslator.load('jupyter_gov_ext');

function proposal(extra: Partial<IProposalDetail>): IProposalDetail {
  return {
    sponsor: 'alice',
    status: 'draft',
    second_requested: false,
    ...extra
  } as IProposalDetail;
}

const ids = (p: IProposalDetail, me: string, member = true) =>
  proposalActions(p, me, member, trans).map(a => a.id);

describe('proposal lifecycle actions', () => {
  it('lets the sponsor move a draft on, call a vote and withdraw', () => {
    expect(ids(proposal({}), 'alice')).toEqual([
      'feedback',
      'call',
      'withdraw'
    ]);
    expect(ids(proposal({ status: 'feedback' }), 'Alice')).toEqual([
      'call',
      'withdraw'
    ]);
  });

  it('lets another member second a call, never the sponsor', () => {
    const called = proposal({ status: 'feedback', second_requested: true });
    expect(ids(called, 'bob')).toEqual(['second']);
    expect(ids(called, 'alice')).toEqual(['withdraw']);
    expect(ids(called, 'dana', false)).toEqual([]);
  });

  it('offers closing an open vote to members only, and nothing once decided', () => {
    expect(ids(proposal({ status: 'voting' }), 'bob')).toEqual(['close']);
    expect(ids(proposal({ status: 'voting' }), 'dana', false)).toEqual([]);
    expect(ids(proposal({ status: 'accepted' }), 'alice')).toEqual([]);
  });
});
