/**
 * The decision-making guide's rules as a council member meets them in the panel: any member calls
 * a vote on a proposal someone else drafted, and a ranked vote takes a blank ballot.
 */
import { expect, test } from '@jupyterlab/galata';
import * as fs from 'fs';
import * as path from 'path';

import {
  castAndConfirm,
  gitIn,
  openVotes,
  starterRepo,
  openProposal
} from './helpers';

test.use({ autoGoto: true });

const stamp = (d: Date) => d.toISOString().replace(/\.\d+Z$/, 'Z');

/** Commit a proposal file into the starter repo, as if pulled from a colleague. */
function pullProposal(id: string, lines: string[]) {
  fs.writeFileSync(
    path.join(starterRepo, 'proposals', `${id}.md`),
    ['---', `id: ${id}`, ...lines, '---', 'Proposal text.', ''].join('\n')
  );
  gitIn(starterRepo, 'add', 'proposals');
  gitIn(starterRepo, 'commit', '-q', '-m', `Pulled ${id}`);
}

async function refreshedVotes(page: import('@playwright/test').Page) {
  await page.evaluate(async () => {
    await window.jupyterapp.commands.execute('jupyter-gov-ext:refresh');
  });
  return openVotes(page);
}

test('a member calls a vote on a proposal a contributor drafted, and becomes its sponsor', async ({
  page
}) => {
  pullProposal('2026-11-02-a-community-proposal-c0mm01', [
    'title: A proposal from the community',
    'sponsor: dana',
    'author: dana',
    `created: '${stamp(new Date())}'`,
    'status: feedback'
  ]);
  const panel = await refreshedVotes(page);
  const item = panel.getByRole('listitem', {
    name: 'A proposal from the community'
  });
  const details = await openProposal(
    page,
    panel,
    'A proposal from the community'
  );
  await details.getByRole('button', { name: 'Call a vote' }).click();
  await expect(
    details.getByText('alice called a vote: it opens when another member')
  ).toBeVisible();
  await expect(item.getByText('Sponsor: alice')).toBeVisible();
  expect(gitIn(starterRepo, 'log', '-1', '--format=%s')).toBe(
    'Call a vote on A proposal from the community (sponsor alice; needs a second)'
  );
});

test('a ranked vote offers a blank ballot that counts toward the quorum only', async ({
  page
}) => {
  const now = new Date();
  pullProposal('2026-11-03-pick-a-sprint-venue-rank01', [
    'title: Pick a sprint venue',
    'sponsor: bob',
    'seconded_by: carol',
    `created: '${stamp(now)}'`,
    'status: voting',
    'kind: ranked',
    'options: [Paris, Lagos, Online]',
    `vote: {opened: '${stamp(now)}', closes: '${stamp(new Date(now.getTime() + 7 * 86400000))}'}`
  ]);
  const panel = await refreshedVotes(page);
  const item = panel
    .getByRole('region', { name: 'Waiting for your ballot' })
    .getByRole('listitem', { name: 'Pick a sprint venue' });
  await item
    .getByRole('checkbox', {
      name: 'Blank (counts toward the quorum, not the result)'
    })
    .check();
  await castAndConfirm(page, item);
  const voted = panel
    .getByRole('region', { name: 'Open votes' })
    .getByRole('listitem', { name: 'Pick a sprint venue' });
  await expect(voted.getByText('Your ballot: Blank')).toBeVisible();
  await expect(voted.getByText(/Leading: none · Blank: 1/)).toBeVisible();
  await expect(
    voted.getByText('Quorum not met (1 cast, 2 needed)')
  ).toBeVisible();
  expect(
    fs.readFileSync(
      path.join(
        starterRepo,
        'votes',
        '2026-11-03-pick-a-sprint-venue-rank01',
        'alice.yml'
      ),
      'utf-8'
    )
  ).toMatch(/value: blank/);
});
