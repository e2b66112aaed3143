import { nullTranslator } from '@jupyterlab/translation';
import { act, fireEvent, render, screen } from '@testing-library/react';
import React from 'react';

import { GovApiError, GovernanceClient } from '../api/client';
import { IStatus } from '../api/types';
import {
  GovernanceView,
  remoteSummary,
  IGovernanceViewProps
} from '../components/GovernanceView';
import { GovernanceModel } from '../model';

const trans = nullTranslator.load('jupyter_gov_ext');

const STATUS: IStatus = {
  version: '0.1.0',
  repo_path: '/home/me/governance',
  is_git_repo: true,
  branch: 'main',
  head: 'abc',
  initialised: true,
  identity: {
    id: 'alice',
    name: 'Alice',
    email: null,
    source: 'user_id',
    member: true,
    bodies: ['council']
  },
  member: true,
  bodies: [],
  topics: ['community'],
  prompts: [],
  rules: {
    vote_days: 7,
    quorum: 0.5,
    participation: 0.667,
    threshold: 'majority'
  },
  remote: {
    names: [],
    upstream: null,
    ahead: null,
    behind: null,
    fork_url: null,
    waiting_for_review: 0
  },
  counts: { priorities: 0, inputs: 0, proposals: 0 },
  problems: []
};

const NO_PILLARS = { pillars: [], can_edit: false };

/** The request seam answering from fixtures: the only thing these tests replace. */
class FixtureClient extends GovernanceClient {
  constructor(readonly answers: Record<string, unknown>) {
    super();
  }
  async request<T>(path: string): Promise<T> {
    const answer = this.answers[path];
    if (answer instanceof Error) {
      throw answer;
    }
    return answer as T;
  }
}

async function loaded(
  answers: Record<string, unknown>
): Promise<GovernanceModel> {
  const model = new GovernanceModel(
    new FixtureClient({ pillars: NO_PILLARS, ...answers })
  );
  await model.refresh();
  return model;
}

function props(
  model: GovernanceModel,
  extra: Partial<IGovernanceViewProps> = {}
): IGovernanceViewProps {
  return {
    model,
    trans,
    section: 'priorities',
    onSection: jest.fn(),
    filter: { topic: '', priority: '', query: '' },
    onFilter: jest.fn(),
    onOpen: jest.fn(),
    onMore: jest.fn(),
    onCast: jest.fn(),
    onInitialise: jest.fn(),
    pageSize: 100,
    onRefresh: jest.fn(),
    ...extra
  };
}

describe('GovernanceView', () => {
  it('shows the three sections as tabs and switches between them', async () => {
    const model = await loaded({
      status: STATUS,
      priorities: { priorities: [] },
      inputs: { inputs: [] },
      proposals: { proposals: [] }
    });
    const onSection = jest.fn();
    render(<GovernanceView {...props(model, { onSection })} />);
    const tabs = screen.getAllByRole('tab').map(t => t.textContent);
    expect(tabs).toEqual(['Funding priorities', 'Community input', 'Votes']);
    expect(screen.getByText(/No funding priorities yet/)).toBeTruthy();
    expect(
      screen.getByText('Signed in as alice (council member)')
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Votes' }));
    expect(onSection).toHaveBeenCalledWith('votes');
    // keyboard: only the selected tab is in the Tab order; arrows move between tabs
    const current = screen.getByRole('tab', { name: 'Funding priorities' });
    expect(current.tabIndex).toBe(0);
    expect(screen.getByRole('tab', { name: 'Votes' }).tabIndex).toBe(-1);
    fireEvent.keyDown(current, { key: 'ArrowLeft' });
    expect(onSection).toHaveBeenLastCalledWith('votes');
    fireEvent.keyDown(current, { key: 'ArrowRight' });
    expect(onSection).toHaveBeenLastCalledWith('inputs');
    // no upstream branch: nothing to sync with
    expect(
      (screen.getByRole('button', { name: 'Sync' }) as HTMLButtonElement)
        .disabled
    ).toBe(true);
  });

  it('offers to initialise a repo without governance.yml', async () => {
    const model = await loaded({ status: { ...STATUS, initialised: false } });
    const onInitialise = jest.fn();
    render(<GovernanceView {...props(model, { onInitialise })} />);
    await act(async () => {
      fireEvent.click(
        screen.getByRole('button', { name: 'Initialise governance repo' })
      );
    });
    expect(onInitialise).toHaveBeenCalled();
  });

  it('turns a missing server extension into an instruction', async () => {
    const model = await loaded({
      status: new GovApiError(
        404,
        'server_extension_missing',
        'The jupyter_gov_ext server extension is not enabled: run it.'
      )
    });
    render(<GovernanceView {...props(model)} />);
    expect(screen.getByRole('alert').textContent).toContain(
      'server extension is not enabled'
    );
  });
});

describe('the model', () => {
  const proposal = {
    id: 'p1',
    title: 'Adopt pillars',
    status: 'voting',
    waiting_for_me: true,
    tallies: []
  };

  /** Fixture answers, counting the requests made for each path. */
  class CountingClient extends FixtureClient {
    calls: string[] = [];
    async request<T>(path: string, method = 'GET'): Promise<T> {
      this.calls.push(`${method} ${path}`);
      return super.request<T>(path);
    }
    /** What the server lists once the ballot is in. */
    listAfterWrite(entry: unknown): void {
      this.answers['proposals'] = { proposals: [entry] };
    }
  }

  it('applies the proposal a ballot returns, with one request and one refresh', async () => {
    const voted = {
      ...proposal,
      waiting_for_me: false,
      body: '',
      ballots: [{ member: 'alice', value: 'yes' }],
      cited_inputs: [],
      members: [],
      why_not: null
    };
    const client = new CountingClient({
      status: STATUS,
      priorities: { priorities: [] },
      inputs: { inputs: [] },
      proposals: { proposals: [proposal] },
      pillars: NO_PILLARS,
      'proposals/p1/ballot': { proposal: voted, commit: 'abc1234' }
    });
    const model = new GovernanceModel(client);
    await model.refresh();
    expect(model.waitingForMe).toBe(1);
    client.calls = [];
    const { body, ballots, cited_inputs, members, why_not, ...entry } = voted;
    void [body, ballots, cited_inputs, members, why_not];
    client.listAfterWrite(entry);
    const seen: number[] = [];
    model.changed.connect(() => seen.push(model.waitingForMe));
    await model.castBallot('p1', { value: 'yes' });
    // The ballot's answer is applied before the refresh comes back.
    expect(seen[0]).toBe(0);
    expect(model.proposalDetail('p1')?.ballots).toHaveLength(1);
    expect(client.calls).toEqual([
      'PUT proposals/p1/ballot',
      'GET status',
      'GET priorities',
      'GET inputs',
      'GET proposals',
      'GET pillars'
    ]);
  });
});

describe('the remote line of the panel header', () => {
  const trans = nullTranslator.load('jupyter_gov_ext');
  const remote = {
    names: ['origin', 'fork'],
    upstream: 'origin/main',
    ahead: 0,
    behind: 0,
    fork_url: null,
    waiting_for_review: 0
  };
  it('says when there is something to pull or push, and what waits for review', () => {
    expect(remoteSummary(remote, trans)).toBe('Up to date with origin/main');
    expect(remoteSummary({ ...remote, ahead: 1, behind: 2 }, trans)).toBe(
      '2 to pull · 1 to push'
    );
    expect(
      remoteSummary(
        { ...remote, ahead: 1, fork_url: 'x', waiting_for_review: 1 },
        trans
      )
    ).toBe('0 to pull · 1 to push · 1 waiting for review on your fork');
  });
});
