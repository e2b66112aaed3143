import { expect, galata, test } from '@jupyterlab/galata';

import { waitForLab, workspaceSaved } from './helpers';

// This file runs with the default settings, so the tour starts by itself as for a new user.
test.use({
  autoGoto: true,
  mockSettings: galata.DEFAULT_SETTINGS,
  // Galata's default readiness check clicks the Launcher tab, which the tour's overlay covers
  // (and the input form the tour opened hides, after a reload).
  waitForApplication: waitForLab
});

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
  // One tour at a time: jupyterlab-tour's own offer is withdrawn while ours runs.
  const welcomeOffer = page.getByText('Try the Welcome Tour.');
  for (const [n, [title, target]] of STEPS.entries()) {
    await expect(welcomeOffer).toHaveCount(0);
    await expect(tooltip).toHaveAttribute('aria-label', title);
    await expect(page.locator(target)).toBeVisible();
    const last = n === STEPS.length - 1;
    const saved = last
      ? workspaceSaved(page, '"jupyter-gov-ext:tour":{"done":true}')
      : null;
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
  await page.waitForTimeout(4000);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  // ... and so does jupyterlab-tour's Welcome Tour offer (it comes 3 s after start), which
  // would otherwise return on every load.
  await expect(welcomeOffer).toHaveCount(0);

  // The Help menu starts it again.
  await page.getByRole('menuitem', { name: 'Help' }).click();
  await page.getByRole('menuitem', { name: 'Start Onboarding Tour' }).click();
  await expect(page.getByRole('alertdialog')).toHaveAttribute(
    'aria-label',
    'The Governance panel'
  );
});

test('skipping the tour also counts as seen', async ({ page }) => {
  const welcomeOffer = page.getByText('Try the Welcome Tour.');
  const tooltip = page.getByRole('alertdialog');
  await expect(tooltip).toHaveAttribute('aria-label', 'The Governance panel');
  await tooltip.getByRole('button', { name: 'Next (Step 1 of 9)' }).click();
  // The state DB entry that says "seen" (src/tour.ts TOUR_STATE_KEY).
  const saved = workspaceSaved(page, '"jupyter-gov-ext:tour":{"done":true}');
  await tooltip.getByRole('button', { name: 'Skip' }).click();
  await expect(tooltip).toHaveCount(0);
  await saved;
  await page.waitForTimeout(500); // Galata's mock stores the saved workspace as the request ends
  await page.reload();
  await expect(page.getByText('Signed in as alice')).toBeVisible();
  await page.waitForTimeout(4000);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  // ... and so does jupyterlab-tour's Welcome Tour offer (it comes 3 s after start), which
  // would otherwise return on every load.
  await expect(welcomeOffer).toHaveCount(0);
});
