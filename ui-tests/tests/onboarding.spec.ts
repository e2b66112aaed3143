import { expect, galata, test } from '@jupyterlab/galata';

// This file runs with the default settings, so the tour starts by itself as for a new user.
test.use({
  autoGoto: true,
  mockSettings: galata.DEFAULT_SETTINGS,
  // Galata's default readiness check clicks the Launcher tab, which the tour's overlay covers.
  waitForApplication: async ({ baseURL }, use) => {
    await use(async page => {
      await page.locator('#jupyterlab-splash').waitFor({ state: 'detached' });
      await page.locator('.jp-Launcher').waitFor();
    });
  }
});

/** Resolves when JupyterLab next saves the workspace, where the state DB keeps "tour seen". */
function workspaceSaved(page: import('@playwright/test').Page) {
  return page.waitForRequest(
    r => r.method() === 'PUT' && r.url().includes('/api/workspaces')
  );
}

/** Each step's title and the real element it must point at. */
const STEPS: [string, string][] = [
  [
    'The Governance panel',
    '.jp-SideBar .lm-TabBar-tab[data-id="jupyter-gov-ext-panel"]'
  ],
  ['Your governance repo', '.jp-GovExt-header'],
  ['Funding priorities', '#jp-GovExt-tabpanel'],
  ['Community input', '#jp-GovExt-tab-inputs'],
  ['The posting guidelines', '.jp-GovExt-guidelines'],
  ['Submit community input', '.jp-GovExt-submit .jp-GovExt-form'],
  ['The vote panel', '#jp-GovExt-tab-votes'],
  ['Sync with GitHub', '.jp-GovExt-sync'],
  ['Every action is a command', '#jp-main-dock-panel']
];

test('a newcomer is walked through every step on first launch, and not again after a reload', async ({
  page
}) => {
  const tooltip = page.getByRole('alertdialog');
  for (const [n, [title, target]] of STEPS.entries()) {
    await expect(tooltip).toHaveAttribute('aria-label', title);
    await expect(page.locator(target)).toBeVisible();
    const last = n === STEPS.length - 1;
    const saved = last ? workspaceSaved(page) : null;
    await tooltip
      .getByRole('button', {
        name: last ? 'Done' : `Next (Step ${n + 1} of 9)`
      })
      .click();
    await saved;
  }
  await expect(tooltip).toHaveCount(0);
  // The tour showed the votes: the panel is left where the tour ended.
  await expect(
    page.locator('#jupyter-gov-ext-panel').getByRole('tab', { name: 'Votes' })
  ).toHaveAttribute('aria-selected', 'true');

  await page.reload();
  const panel = page.locator('#jupyter-gov-ext-panel');
  await expect(panel.getByText('Signed in as alice')).toBeVisible();
  // The tour would have started by now (it waits only for the panel's data).
  await page.waitForTimeout(3000);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);

  // The Help menu starts it again.
  await page.getByRole('menuitem', { name: 'Help' }).click();
  await page.getByRole('menuitem', { name: 'Start Onboarding Tour' }).click();
  await expect(page.getByRole('alertdialog')).toHaveAttribute(
    'aria-label',
    'The Governance panel'
  );
});

test('skipping the tour also counts as seen', async ({ page }) => {
  const tooltip = page.getByRole('alertdialog');
  await expect(tooltip).toHaveAttribute('aria-label', 'The Governance panel');
  await tooltip.getByRole('button', { name: 'Next (Step 1 of 9)' }).click();
  const saved = workspaceSaved(page);
  await tooltip.getByRole('button', { name: 'Skip' }).click();
  await expect(tooltip).toHaveCount(0);
  await saved;
  await page.reload();
  await expect(page.getByText('Signed in as alice')).toBeVisible();
  await page.waitForTimeout(3000);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
});
