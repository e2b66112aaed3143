/**
 * Two people, two browser tabs, two servers, one shared remote: after Sync each sees the other's
 * community input and ballot (servers from jupyter_server_team_config.py).
 */
import { expect, test } from '@jupyterlab/galata';

import { castAndConfirm, fillInputForm, inputForm, openVotes } from './helpers';

test.use({ autoGoto: true });

const VOTE = 'Hold a newcomer sprint each quarter';

test("two people on two servers see each other's input and ballots after Sync", async ({
  page,
  browser
}) => {
  // Alice's tab (this project's server): a ballot and an input, then Sync.
  let panel = await openVotes(page);
  const item = panel
    .getByRole('region', { name: 'Waiting for your ballot' })
    .getByRole('listitem', { name: VOTE });
  await item.getByRole('radio', { name: 'Yes' }).check();
  await castAndConfirm(page, item);
  await panel.getByRole('tab', { name: 'Community input' }).click();
  await panel.getByRole('button', { name: 'Link a post you wrote' }).click();
  await fillInputForm(
    inputForm(page),
    "Alice's post",
    'https://example.org/alice'
  );
  // Three commits wait to be shared: the ballot, the decision (every member has now voted, so
  // the vote closed by itself) and the input.
  await expect(panel.getByText('0 to pull · 3 to push')).toBeVisible();
  await panel.getByRole('button', { name: 'Sync' }).click();
  await expect(page.getByText('Governance repo synced.')).toBeVisible();

  // Bob's tab, on his own server and clone.
  const bob = await browser.newPage();
  await bob.goto('http://localhost:8891/lab');
  await bob.getByRole('tab', { name: 'Governance' }).click();
  panel = bob.locator('#jupyter-gov-ext-panel');
  await panel.getByRole('tab', { name: 'Community input' }).click();
  await expect(panel.getByText("Alice's post")).toHaveCount(0);
  await panel.getByRole('button', { name: 'Sync' }).click();
  await expect(bob.getByText('Governance repo synced.')).toBeVisible();
  await expect(panel.getByText("Alice's post")).toBeVisible();
  await panel.getByRole('tab', { name: 'Votes' }).click();
  const vote = panel.getByRole('listitem', { name: VOTE });
  await expect(vote.getByText('Yes: 2')).toBeVisible(); // bob's own and alice's
  await expect(vote.getByText('Status: accepted')).toBeVisible();
  await bob.close();
});
