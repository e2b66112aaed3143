import { expect, test } from '@jupyterlab/galata';
import * as fs from 'fs';
import * as path from 'path';

import {
  fillInputForm,
  gitIn,
  inputForm,
  starterRepo,
  waitForLab,
  workspaceSaved
} from './helpers';

const repo = starterRepo;

const git = (...args: string[]) => gitIn(repo, ...args);

async function openPanel(page: import('@playwright/test').Page) {
  const panel = page.locator('#jupyter-gov-ext-panel');
  // After a reload the layout restorer may have reopened it: clicking again would close it.
  if (!(await panel.isVisible())) {
    await page.getByRole('tab', { name: 'Governance' }).click();
  }
  await expect(panel).toBeVisible();
  return panel;
}

test.use({ autoGoto: true, waitForApplication: waitForLab });

test('JupyterLab opens and the Governance panel is there with its three sections', async ({
  page
}) => {
  const panel = await openPanel(page);
  for (const name of ['Funding priorities', 'Community input', 'Votes']) {
    await expect(panel.getByRole('tab', { name })).toBeVisible();
  }
  await expect(
    panel.getByText('Signed in as alice (council member)')
  ).toBeVisible();
  await page.screenshot({ path: 'test-results/panel.png' });
});

test('a contributor opens a priority and reads its key outcomes', async ({
  page
}) => {
  const panel = await openPanel(page);
  await panel
    .getByRole('button', { name: /Grow the contributor capacity/ })
    .click();
  // It opens as a document in the main area, beside the panel.
  const details = page.getByRole('article', {
    name: /Funding priority: Grow the contributor capacity/
  });
  await expect(details.getByText('Key outcomes')).toBeVisible();
  await expect(details.getByText(/More people contribute/)).toBeVisible();
  // The Markdown body is rendered by JupyterLab's rendermime: the link is a real anchor.
  await expect(
    details.getByRole('link', { name: /funding priorities/ })
  ).toBeVisible();
});

test('submitting an input that answers another writes a file and a commit', async ({
  page
}) => {
  const before = Number(git('rev-list', '--count', 'HEAD'));
  const panel = await openPanel(page);
  await panel.getByRole('tab', { name: 'Community input' }).click();
  await panel
    .getByRole('button', {
      name: /Answer "What newcomers need from Jupyter's governance"/
    })
    .click();
  await expect(inputForm(page).getByLabel('Responds to')).toHaveValue(
    '2026-01-15-what-newcomers-need-from-governance-k3x9q2'
  );
  await fillInputForm(
    inputForm(page),
    'A reply from the UI test',
    'https://example.org/ui-reply'
  );

  // It appears in the thread of the input it answers.
  const thread = panel.getByRole('list', { name: 'Answers' });
  await expect(
    thread.getByRole('link', { name: 'A reply from the UI test' })
  ).toBeVisible();
  await expect(
    thread.getByRole('link', { name: 'A reply from the UI test' })
  ).toHaveAttribute('rel', 'noopener noreferrer');

  expect(Number(git('rev-list', '--count', 'HEAD'))).toBe(before + 1);
  expect(git('log', '-1', '--format=%s')).toBe(
    'Add community input: A reply from the UI test'
  );
  const file = git('show', '--name-only', '--format=', 'HEAD');
  expect(file).toMatch(
    /^inputs\/\d{4}\/\d{4}-\d{2}-\d{2}-a-reply-from-the-ui-test-[a-z0-9]{6}\.md$/
  );
  expect(fs.readFileSync(path.join(repo, file), 'utf-8')).toContain(
    'responds_to: 2026-01-15-what-newcomers-need-from-governance-k3x9q2'
  );
});

test('a bad link shows an error on the field and writes nothing', async ({
  page
}) => {
  const before = git('rev-parse', 'HEAD');
  const panel = await openPanel(page);
  await panel.getByRole('tab', { name: 'Community input' }).click();
  await panel.getByRole('button', { name: 'Link a post you wrote' }).click();
  const form = inputForm(page);
  await fillInputForm(form, 'Bad link', 'javascript:alert(1)');
  // The error is on the field, which is marked invalid and takes the focus.
  const link = form.getByLabel('Link to your post');
  await expect(link).toHaveAttribute('aria-invalid', 'true');
  await expect(link).toBeFocused();
  await expect(form.getByRole('alert')).toContainText('http:// or https://');
  const described = await link.getAttribute('aria-describedby');
  await expect(page.locator(`#${described}`)).toContainText('http://');
  expect(git('rev-parse', 'HEAD')).toBe(before);
  expect(git('status', '--porcelain')).toBe('');
});

test('a half-filled input form survives a page reload', async ({ page }) => {
  let panel = await openPanel(page);
  await panel.getByRole('tab', { name: 'Community input' }).click();
  const saved = workspaceSaved(page, 'jupyter-gov-ext-documents:input-form');
  await panel.getByRole('button', { name: 'Link a post you wrote' }).click();
  await inputForm(page).getByLabel('Title').fill('Half-written title');
  await inputForm(page)
    .getByLabel('Link to your post')
    .fill('https://example.org/draft');
  // the draft is saved to JupyterLab's state database as it is typed, the open form with the
  // layout
  await saved;
  await page.waitForTimeout(500);
  await page.reload();
  // The form's document is restored by the layout restorer, with what was typed.
  await expect(inputForm(page).getByLabel('Title')).toHaveValue(
    'Half-written title'
  );
  await expect(inputForm(page).getByLabel('Link to your post')).toHaveValue(
    'https://example.org/draft'
  );
  panel = await openPanel(page);
  await expect(panel).toBeVisible();
});
