/** What the UI tests share: where the servers' repos are, and git on them. */
import { execFileSync } from 'child_process';
import * as path from 'path';

/** The starter repo of the "starter" project's server (jupyter_server_test_config.py). */
export const starterRepo = path.join(
  process.env.GOV_UI_TEST_REPO || path.join(__dirname, '..', '.test-repo'),
  'governance'
);

/** The copies of the real repos of the "real-governance" project's server. */
export const realRoot =
  process.env.GOV_UI_REAL_ROOT || path.join(__dirname, '..', '.test-real');

/** Run git in `repo` and return its trimmed output. */
export function gitIn(repo: string, ...args: string[]): string {
  return execFileSync('git', ['-C', repo, ...args], {
    encoding: 'utf-8'
  }).trim();
}

type Page = import('@playwright/test').Page;
type Locator = import('@playwright/test').Locator;

/** Open the Governance panel at its Votes section; returns the panel. */
export async function openVotes(page: Page): Promise<Locator> {
  await page.getByRole('tab', { name: 'Governance' }).click();
  const panel = page.locator('#jupyter-gov-ext-panel');
  await panel.getByRole('tab', { name: 'Votes' }).click();
  return panel;
}

/** Press "Cast ballot" in a proposal's list item and confirm the dialog that asks first. */
export async function castAndConfirm(page: Page, item: Locator): Promise<void> {
  await item.getByRole('button', { name: 'Cast ballot' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: 'Confirm' })
    .click();
}

/** Fill the community input form with a title, a link and the "community" topic, and submit. */
export async function fillInputForm(
  panel: Locator,
  title: string,
  url: string
): Promise<void> {
  await panel.getByLabel('Title').fill(title);
  await panel.getByLabel('Link to your post').fill(url);
  await panel
    .getByRole('group', { name: 'Topics' })
    .getByLabel('community')
    .check();
  await panel.getByLabel('I wrote this and host it elsewhere').check();
  await panel.getByRole('button', { name: 'Submit input' }).click();
}
