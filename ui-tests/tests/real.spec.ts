import { expect, test } from '@jupyterlab/galata';
import * as fs from 'fs';
import * as path from 'path';

import { castAndConfirm, gitIn, openProposal, realRoot } from './helpers';

const repo = path.join(realRoot, 'jupyter-governance');

test.use({
  autoGoto: true,
  permissions: ['clipboard-read', 'clipboard-write']
});
// The second test votes on the repo the first one initialised.
test.describe.configure({ mode: 'serial' });

const git = (...args: string[]) => gitIn(repo, ...args);

test('on a copy of jupyter/governance: initialise, read the councils, import the priorities', async ({
  page
}) => {
  await page.getByRole('tab', { name: 'Governance' }).click();
  const panel = page.locator('#jupyter-gov-ext-panel');
  await expect(panel.getByText(/not initialised/)).toBeVisible();
  await panel
    .getByRole('button', { name: 'Initialise governance repo' })
    .click();
  // Zsailer sits on the Executive Council (term 2024-2027) in docs/_data/contributors.yml
  await expect(
    panel.getByText('Signed in as Zsailer (council member)')
  ).toBeVisible();
  expect(git('status', '--porcelain')).toBe('');

  // An admin action: in the panel's "…" menu, not in every contributor's way.
  await panel.getByRole('button', { name: 'More actions' }).click();
  await page
    .locator('.jp-GovExt-moreMenu')
    .getByRole('menuitem', { name: 'Import Funding Priorities' })
    .click();
  const dialog = page.getByRole('dialog');
  await dialog
    .getByRole('textbox')
    .fill('jupyter-foundation-governing-board/doc/funding/priorities.md');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(
    panel.getByRole('button', {
      name: /Ensure that Jupyter has a reliable source of funding/
    })
  ).toBeVisible();
  await panel
    .getByRole('button', { name: /Grow the contributor capacity of Jupyter/ })
    .click();
  // The imported outcome is listed, and the body is rendered as Markdown (its bold text).
  const doc = page.getByRole('article', {
    name: /Funding priority: Grow the contributor capacity of Jupyter/
  });
  await expect(
    doc
      .getByRole('list', { name: 'Key outcomes' })
      .getByText(/Grow the number of contributors\./)
  ).toBeVisible();
  await expect(
    doc
      .getByRole('strong')
      .filter({ hasText: 'Grow the number of contributors.' })
  ).toBeVisible();
  expect(git('log', '-1', '--format=%s').trim()).toBe(
    'Import funding priorities from doc/funding/priorities.md'
  );
});

test('a vote that needs both councils: draft it, vote, and copy the checklist for GitHub', async ({
  page
}) => {
  await page.getByRole('tab', { name: 'Governance' }).click();
  const panel = page.locator('#jupyter-gov-ext-panel');
  await panel.getByRole('tab', { name: 'Votes' }).click();

  // The draft form asks which bodies must approve; the council is ticked by default.
  await panel.getByRole('button', { name: 'Draft a proposal' }).click();
  const form = page.getByRole('form', { name: 'Draft a proposal' });
  await form.getByLabel('Proposal title').fill('Change the SSC charter');
  const bodies = form.getByRole('group', { name: 'Needs approval from' });
  await expect(bodies.getByLabel('Executive Council')).toBeChecked();
  await bodies.getByLabel('Software Steering Council').check();
  await form.getByRole('button', { name: 'Save draft' }).click();
  await expect(
    page
      .getByRole('article', { name: 'Proposal: Change the SSC charter' })
      .getByText(
        'Needs approval from: Executive Council, Software Steering Council'
      )
  ).toBeVisible();

  // Meanwhile other members opened and voted on a two-body proposal; Zsailer pulls their commits.
  const id = '2026-11-01-adopt-the-decision-record-template-tw0b0d';
  const now = new Date();
  const stamp = (d: Date) => d.toISOString().replace(/\.\d+Z$/, 'Z');
  const closes = new Date(now.getTime() + 7 * 86400000);
  fs.writeFileSync(
    path.join(repo, 'proposals', `${id}.md`),
    [
      '---',
      `id: ${id}`,
      'title: Adopt the decision record template',
      'sponsor: jake-stack',
      'seconded_by: marthacryan',
      `created: '${stamp(now)}'`,
      'status: voting',
      'kind: binary',
      'door: one-way',
      'bodies: [executive_council, software_steering_council]',
      `vote: {opened: '${stamp(now)}', closes: '${stamp(closes)}'}`,
      '---',
      'Both councils adopt one template for decision records.',
      ''
    ].join('\n')
  );
  const ballots: [string, string][] = [
    ['jake-stack', 'yes'],
    ['minrk', 'yes'],
    ['jtpio', 'yes'],
    ['ivanov', 'no'],
    ['vidartf', 'yes'],
    ['marthacryan', 'yes'],
    ['SylvainCorlay', 'yes']
  ];
  fs.mkdirSync(path.join(repo, 'votes', id), { recursive: true });
  for (const [member, value] of ballots) {
    fs.writeFileSync(
      path.join(repo, 'votes', id, `${member}.yml`),
      `value: '${value}'\ncast: '${stamp(now)}'\n`
    );
  }
  git('add', 'proposals', 'votes');
  git('commit', '-q', '-m', 'Votes cast by other members');
  await page.evaluate(async () => {
    await window.jupyterapp.commands.execute('jupyter-gov-ext:refresh');
  });

  const waiting = panel.getByRole('region', {
    name: 'Waiting for your ballot'
  });
  const item = waiting.getByRole('listitem', {
    name: 'Adopt the decision record template'
  });
  await item.getByRole('radio', { name: 'Yes' }).check();
  await castAndConfirm(page, item);

  // One tally per body; marthacryan sits on both and her one ballot counts in each.
  const voted = panel
    .getByRole('region', { name: 'Open votes' })
    .getByRole('listitem', { name: 'Adopt the decision record template' });
  const council = voted.getByRole('group', {
    name: 'Tally for Executive Council'
  });
  const ssc = voted.getByRole('group', {
    name: 'Tally for Software Steering Council'
  });
  await expect(council.getByText('Yes: 3')).toBeVisible();
  await expect(ssc.getByText('Yes: 5')).toBeVisible();
  await expect(ssc.getByText('No: 1')).toBeVisible();
  await expect(ssc.getByText('Quorum met (6 cast, 6 needed)')).toBeVisible();
  await expect(
    voted.getByText('Every body approves so far: passing.')
  ).toBeVisible();

  const doc = await openProposal(
    page,
    panel,
    'Adopt the decision record template'
  );
  // Each body's tally is drawn as a chart against its quorum, in the document too.
  await expect(
    doc.getByRole('img', { name: /Software Steering Council: yes 5, no 1/ })
  ).toBeVisible();
  await doc.getByRole('button', { name: 'Copy for GitHub' }).click();
  await expect(page.getByText('Copied the vote as Markdown')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('## Adopt the decision record template');
  expect(copied).toContain(
    '- @Zsailer\n  - [x] Yes\n  - [ ] No\n  - [ ] Abstain'
  );
  expect(copied).toContain(
    '- @ivanov\n  - [ ] Yes\n  - [x] No\n  - [ ] Abstain'
  );
  expect(copied).toMatch(/Software Steering Council: 5 yes, 1 no/);
});
