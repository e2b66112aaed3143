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

/**
 * Galata's readiness check, for tests that reload: its default waits for the Launcher to be
 * visible, which a restored document in front of it hides. Ready is: the splash is gone and the
 * main area is there.
 */
export const waitForLab = async (
  // Playwright reads the fixtures a fixture needs from this pattern: it must be destructured.
  { baseURL }: { baseURL?: string },
  use: (check: (page: Page) => Promise<void>) => Promise<void>
): Promise<void> => {
  void baseURL;
  await use(async page => {
    await page.locator('#jupyterlab-splash').waitFor({ state: 'detached' });
    await page.locator('#jp-main-dock-panel').waitFor();
  });
};

/** Open the Governance panel at its Votes section; returns the panel. */
export async function openVotes(page: Page): Promise<Locator> {
  const panel = page.locator('#jupyter-gov-ext-panel');
  // Clicking the tab of an open panel would close it.
  if (!(await panel.isVisible())) {
    await page.getByRole('tab', { name: 'Governance' }).click();
  }
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

/** Resolves when JupyterLab next saves the workspace (the layout, the state DB), with `text`
 * in it if given (e.g. the restorer's name of a document that must come back after a reload). */
export function workspaceSaved(page: Page, text = ''): Promise<unknown> {
  return page.waitForRequest(
    r =>
      r.method() === 'PUT' &&
      r.url().includes('/api/workspaces') &&
      (r.postData() ?? '').includes(text)
  );
}

/** A proposal's document in the main area. */
export function proposalDoc(page: Page, title: string): Locator {
  return page.getByRole('article', { name: `Proposal: ${title}` });
}

/** Open a proposal's document from its title in the vote list. */
export async function openProposal(
  page: Page,
  panel: Locator,
  title: string
): Promise<Locator> {
  await panel.getByRole('button', { name: title, exact: true }).click();
  const doc = proposalDoc(page, title);
  await doc.waitFor();
  return doc;
}

/** The community input form, in its main-area document. */
export function inputForm(page: Page): Locator {
  return page.getByRole('form', { name: 'Submit community input' });
}

/** Fill the community input form with a title, a link and the "community" topic, and submit. */
export async function fillInputForm(
  form: Locator,
  title: string,
  url: string
): Promise<void> {
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Link to your post').fill(url);
  await form
    .getByRole('group', { name: 'Topics' })
    .getByLabel('community')
    .check();
  await form.getByLabel('I wrote this and host it elsewhere').check();
  await form.getByRole('button', { name: 'Submit input' }).click();
}
