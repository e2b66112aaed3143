import { expect, test } from '@jupyterlab/galata';
import { execFileSync } from 'child_process';
import * as path from 'path';

const root =
  process.env.GOV_UI_REAL_ROOT || path.join(__dirname, '..', '.test-real');
const repo = path.join(root, 'jupyter-governance');

test.use({ autoGoto: true });

test('on a copy of jupyter/governance: initialise, read the councils, import the priorities', async ({
  page
}) => {
  await page.getByRole('tab', { name: 'Governance' }).click();
  const panel = page.locator('#jupyter-gov-ext-panel');
  await expect(panel.getByText(/not initialised/)).toBeVisible();
  await panel
    .getByRole('button', { name: 'Initialise governance repo' })
    .click();
  // afshin sits on the Executive Council in docs/_data/contributors.yml
  await expect(
    panel.getByText('Signed in as afshin (council member)')
  ).toBeVisible();
  expect(
    execFileSync('git', ['-C', repo, 'status', '--porcelain'], {
      encoding: 'utf-8'
    })
  ).toBe('');

  await panel
    .getByRole('button', { name: 'Import funding priorities' })
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
  await expect(
    panel.getByText(/Grow the number of contributors\./)
  ).toBeVisible();
  expect(
    execFileSync('git', ['-C', repo, 'log', '-1', '--format=%s'], {
      encoding: 'utf-8'
    }).trim()
  ).toBe('Import funding priorities from doc/funding/priorities.md');
});
