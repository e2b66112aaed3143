import { expect, test } from '@jupyterlab/galata';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

import {
  castAndConfirm,
  openProposal,
  openVotes,
  proposalDoc,
  starterRepo
} from './helpers';

const repo = starterRepo;
const PROPOSAL = 'An open vote for the UI test';

test.use({ autoGoto: true });

test('a member casts a ballot, changes it, and sees the tally follow', async ({
  page
}) => {
  const panel = await openVotes(page);
  const waiting = panel.getByRole('region', {
    name: 'Waiting for your ballot'
  });
  const item = waiting.getByRole('listitem', { name: PROPOSAL });
  await item.getByRole('radio', { name: 'Yes' }).check();
  await item.getByRole('button', { name: 'Cast ballot' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`Vote "Yes" on "${PROPOSAL}"?`);
  await dialog.getByRole('button', { name: 'Confirm' }).click();

  const open = panel.getByRole('region', { name: 'Open votes' });
  const voted = open.getByRole('listitem', { name: PROPOSAL });
  await expect(voted.getByText('Yes: 1')).toBeVisible();
  await expect(voted.getByText('Your ballot: Yes')).toBeVisible();
  expect(
    fs.readFileSync(
      path.join(
        repo,
        'votes',
        '2026-03-01-open-vote-for-the-ui-test-v0t3ab',
        'alice.yml'
      ),
      'utf-8'
    )
  ).toMatch(/value: '?yes'?/);

  await voted.getByRole('radio', { name: 'No' }).check();
  await castAndConfirm(page, voted);
  await expect(voted.getByText('No: 1')).toBeVisible();
  await expect(voted.getByText('Yes: 0')).toBeVisible();
  await expect(
    voted.getByText(/Quorum not met \(1 cast, 2 needed\)/)
  ).toBeVisible();

  // Ballots are public: the proposal's document lists each member's current ballot, and its
  // history both of alice's ballots.
  const doc = await openProposal(page, panel, PROPOSAL);
  const ballots = doc.getByRole('list', { name: 'Ballots' });
  await expect(ballots).toContainText('alice: no');
  const history = doc.getByRole('list', { name: 'History' });
  await expect(history.getByText('Ballot cast by alice')).toBeVisible();
  await expect(history.getByText('Ballot changed by alice')).toBeVisible();

  // Participation counts closed votes only: the open votes alice just voted on do not count,
  // the decided ones (the starter repo's, and any an earlier test decided) do, and alice and bob
  // voted on each of them.
  const proposals = path.join(repo, 'proposals');
  const decided = fs
    .readdirSync(proposals)
    .filter(f =>
      /\ndecision:/.test(fs.readFileSync(path.join(proposals, f), 'utf-8'))
    ).length;
  expect(decided).toBeGreaterThan(0);
  await panel.getByRole('button', { name: 'Participation' }).click();
  const table = page.getByRole('table', {
    name: 'Participation in formal votes'
  });
  await expect(table.getByRole('row', { name: /alice/ })).toContainText(
    `${decided} / ${decided}`
  );
  await expect(table.getByRole('row', { name: /bob/ })).toContainText(
    `${decided} / ${decided}`
  );
});

test('someone who is not on the council sees the vote but no ballot controls', async ({
  page
}) => {
  // The council is whatever governance.yml says: take alice off it, as its maintainers might.
  const file = path.join(repo, 'governance.yml');
  const original = fs.readFileSync(file, 'utf-8');
  fs.writeFileSync(
    file,
    original
      .replace(/\n\s+- \{id: alice,[^\n]*/, '')
      .replace(/\n\s+- \{"id": "alice"[^\n]*/, '')
  );
  try {
    await page.evaluate(async () => {
      await window.jupyterapp.commands.execute('jupyter-gov-ext:refresh');
    });
    const panel = await openVotes(page);
    await expect(panel.getByText(/You are not a council member/)).toBeVisible();
    await expect(panel.getByRole('listitem', { name: PROPOSAL })).toBeVisible();
    await expect(
      panel.getByRole('button', { name: 'Cast ballot' })
    ).toHaveCount(0);
    await expect(panel.getByRole('radio', { name: 'Yes' })).toHaveCount(0);
  } finally {
    fs.writeFileSync(file, original);
  }
});

test('a member drafts a proposal, opens it for feedback and calls a vote', async ({
  page
}) => {
  const panel = await openVotes(page);
  await panel.getByRole('button', { name: 'Draft a proposal' }).click();
  const form = page.getByRole('form', { name: 'Draft a proposal' });
  // An empty title is refused on its field, before anything is sent.
  await form.getByRole('button', { name: 'Save draft' }).click();
  const title = form.getByLabel('Proposal title');
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(title).toBeFocused();
  await expect(form.getByRole('alert')).toHaveText(
    'Give the proposal a title.'
  );
  await form.getByLabel('Proposal title').fill('Hold a community sprint');
  await form
    .getByLabel('Proposal text (Markdown)')
    .fill('We propose **a sprint**.');
  await form
    .getByRole('group', { name: 'Funding priorities' })
    .getByLabel('Grow the contributor capacity of Jupyter')
    .check();
  await form
    .getByLabel('Cited community input')
    .selectOption({ label: "What newcomers need from Jupyter's governance" });
  await form.getByRole('button', { name: 'Save draft' }).click();

  const details = proposalDoc(page, 'Hold a community sprint');
  await expect(details.getByText('a sprint')).toBeVisible();
  // One click, one write and at most one refresh: the document applies the proposal the
  // server returns instead of fetching it again.
  const calls: string[] = [];
  const record = (r: import('@playwright/test').Request) => {
    const [, route] = new URL(r.url()).pathname.split('/jupyter-gov-ext/');
    if (route && route !== 'fetch') {
      calls.push(`${r.method()} ${route}`);
    }
  };
  page.on('request', record);
  await details.getByRole('button', { name: 'Open for feedback' }).click();
  await expect(
    details.getByRole('button', { name: 'Call a vote' })
  ).toBeVisible();
  await page.waitForTimeout(1500);
  page.off('request', record);
  const writes = calls.filter(c => !c.startsWith('GET'));
  expect(writes).toHaveLength(1);
  const id = writes[0].match(/^POST proposals\/([^/]+)\/transition$/)![1];
  expect(calls.filter(c => c === `GET proposals/${id}`)).toEqual([]);
  for (const list of ['status', 'priorities', 'inputs', 'proposals']) {
    expect(calls.filter(c => c === `GET ${list}`).length).toBeLessThanOrEqual(
      1
    );
  }
  await details.getByRole('button', { name: 'Call a vote' }).click();
  await expect(
    details.getByText(/called a vote: it opens when another member seconds it/)
  ).toBeVisible();
  // the sponsor cannot second their own call
  await expect(
    details.getByRole('button', { name: 'Second the call to vote' })
  ).toHaveCount(0);
  const log = execFileSync('git', ['-C', repo, 'log', '-3', '--format=%s'], {
    encoding: 'utf-8'
  });
  expect(log.trim().split('\n')).toEqual([
    'Call a vote on Hold a community sprint (sponsor alice; needs a second)',
    'Open proposal for feedback: Hold a community sprint',
    'Draft proposal: Hold a community sprint'
  ]);
  const file = execFileSync(
    'git',
    ['-C', repo, 'show', '--name-only', '--format=', 'HEAD'],
    {
      encoding: 'utf-8'
    }
  ).trim();
  const text = fs.readFileSync(path.join(repo, file), 'utf-8');
  expect(text).toContain('second_requested: true');
  expect(text).toContain('priorities:\n- capacity');
  expect(text).toContain(
    'cites:\n- 2026-01-15-what-newcomers-need-from-governance-k3x9q2'
  );
});
