import { expect, test } from '@jupyterlab/galata';
import type { Locator, Page } from '@playwright/test';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { starterRepo, gitIn, inputForm } from './helpers';

const repo = starterRepo;

const git = (...args: string[]) => gitIn(repo, ...args);

/** Another member's change, as if pulled: a new funding priority committed behind the UI's back. */
function commitPriority(id: string, title: string): void {
  fs.writeFileSync(
    path.join(repo, 'priorities', `${id}.md`),
    `---\nid: ${id}\ntitle: ${title}\nsummary: Added outside JupyterLab.\norder: 9\n---\n\nBody.\n`
  );
  git('add', 'priorities');
  git('commit', '-q', '-m', `Add priority ${id}`);
}

/** Open the palette, search for `label`, and return the entry of that label. */
async function paletteItem(page: Page, label: string): Promise<Locator> {
  await page.keyboard.press('Control+Shift+C');
  const palette = page.locator('#modal-command-palette');
  await palette.locator('input').fill(label);
  return palette.locator('.lm-CommandPalette-item', {
    has: page.locator('.lm-CommandPalette-itemLabel', { hasText: label })
  });
}

async function runFromPalette(page: Page, label: string): Promise<void> {
  const item = await paletteItem(page, label);
  await expect(item).toHaveCount(1);
  await item.click();
}

const panelOf = (page: Page) => page.locator('#jupyter-gov-ext-panel');

test.use({ autoGoto: true });

test('the palette lists every Governance command, and each does what it says', async ({
  page
}) => {
  for (const label of [
    'Open Governance Panel',
    'Browse Funding Priorities',
    'Submit Community Input',
    'Open Vote Panel',
    'Start Onboarding Tour',
    'Sync Governance Repo',
    'Refresh Governance Data',
    'Import Funding Priorities',
    'Draft a Proposal',
    'Show Vote Participation',
    'Set Up Fork for Pull Requests',
    'Show Growth and Decisions',
    'Import Input from the Forum',
    // Disabled until a proposal's document is in front, saying why.
    'Audit This Decision in a Notebook',
    // Disabled here (the starter repo is initialised), listed all the same, saying why.
    'Initialise Governance Repo'
  ]) {
    const item = await paletteItem(page, label);
    await expect(item).toHaveCount(1);
    // in the Governance category, with an icon and a caption
    const header = item.locator(
      'xpath=preceding-sibling::li[contains(@class, "lm-CommandPalette-header")][1]'
    );
    await expect(header).toHaveText('Governance');
    await expect(item.locator('.lm-CommandPalette-itemIcon svg')).toHaveCount(
      1
    );
    await expect(item.locator('.lm-CommandPalette-itemCaption')).toHaveText(
      /\w{3}/
    );
    await page.keyboard.press('Escape');
  }

  const panel = panelOf(page);
  await runFromPalette(page, 'Open Governance Panel');
  await expect(panel).toBeVisible();

  await runFromPalette(page, 'Open Vote Panel');
  await expect(panel.getByRole('tab', { name: 'Votes' })).toHaveAttribute(
    'aria-selected',
    'true'
  );
  await expect(panel.getByText('An open vote for the UI test')).toBeVisible();

  await runFromPalette(page, 'Browse Funding Priorities');
  await expect(
    panel.getByRole('tab', { name: 'Funding priorities' })
  ).toHaveAttribute('aria-selected', 'true');

  await runFromPalette(page, 'Submit Community Input');
  await expect(inputForm(page).getByLabel('Title')).toBeFocused();

  // Refresh reads what changed in the repo outside JupyterLab.
  commitPriority('palette-refresh', 'A priority committed from outside');
  await runFromPalette(page, 'Refresh Governance Data');
  await runFromPalette(page, 'Browse Funding Priorities');
  await expect(
    panel.getByRole('button', { name: /A priority committed from outside/ })
  ).toBeVisible();

  await runFromPalette(page, 'Import Funding Priorities');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Import funding priorities');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await runFromPalette(page, 'Start Onboarding Tour');
  const tour = page.getByRole('alertdialog');
  await expect(tour).toHaveAttribute('aria-label', 'The Governance panel');
  await tour.getByRole('button', { name: 'Skip' }).click();
  await expect(tour).toHaveCount(0);
});

test('sync is enabled only with a remote, and then pushes the commits', async ({
  page
}) => {
  const remote = fs.mkdtempSync(path.join(os.tmpdir(), 'gov-remote-'));
  execFileSync('git', ['init', '-q', '--bare', remote]);
  const panel = panelOf(page);
  try {
    let item = await paletteItem(page, 'Sync Governance Repo');
    await expect(item).toHaveClass(/lm-mod-disabled/);
    await expect(item.locator('.lm-CommandPalette-itemCaption')).toHaveText(
      /no remote branch/
    );
    await page.keyboard.press('Escape');

    git('remote', 'add', 'origin', remote);
    git('push', '-q', '-u', 'origin', 'main');
    commitPriority('palette-sync', 'A priority to push');
    await runFromPalette(page, 'Refresh Governance Data');
    await runFromPalette(page, 'Open Governance Panel');
    await expect(panel.getByRole('button', { name: 'Sync' })).toBeEnabled();
    item = await paletteItem(page, 'Sync Governance Repo');
    await expect(item).not.toHaveClass(/lm-mod-disabled/);
    await item.click();
    await expect(page.getByText('Governance repo synced.')).toBeVisible();
    expect(
      execFileSync('git', ['-C', remote, 'log', '-1', '--format=%s', 'main'], {
        encoding: 'utf-8'
      }).trim()
    ).toBe('Add priority palette-sync');
  } finally {
    // Leave the shared starter repo as the other tests expect it: no remote.
    if (git('remote').includes('origin')) {
      git('remote', 'remove', 'origin');
    }
  }
});

test('the launcher and the panel context menu offer the main actions', async ({
  page
}) => {
  const launcher = page.locator('.jp-Launcher');
  const section = launcher.locator('.jp-Launcher-section', {
    has: page.locator('.jp-Launcher-sectionTitle', { hasText: 'Governance' })
  });
  await section.getByText('Submit Community Input').click();
  const panel = panelOf(page);
  await expect(inputForm(page).getByLabel('Title')).toBeFocused();
  await page.getByRole('tab', { name: 'Governance' }).click();

  await panel.getByRole('tab', { name: 'Votes' }).click({ button: 'right' });
  const menu = page.locator('.lm-Menu');
  await expect(
    menu.getByRole('menuitem', { name: 'Refresh Governance Data' })
  ).toBeVisible();
  await expect(
    menu.getByRole('menuitem', { name: 'Start Onboarding Tour' })
  ).toBeVisible();
  await expect(
    menu.getByRole('menuitem', { name: 'Import Funding Priorities' })
  ).toBeVisible();
  await menu.getByRole('menuitem', { name: 'Submit Community Input' }).click();
  await expect(inputForm(page)).toBeVisible();

  // The panel's "…" menu holds the rarer and admin actions, out of the lists' way.
  await panel.getByRole('button', { name: 'More actions' }).click();
  await expect(
    page.locator('.jp-GovExt-moreMenu').getByRole('menuitem', {
      name: 'Import Funding Priorities'
    })
  ).toBeVisible();
  await page.keyboard.press('Escape');
});

test('keyboard alone submits community input', async ({ page }) => {
  await page.keyboard.press('Alt+Shift+I');
  const panel = panelOf(page);
  await expect(inputForm(page).getByLabel('Title')).toBeFocused();
  await page.keyboard.type('Typed without a mouse');
  await page.keyboard.press('Tab');
  await page.keyboard.type('https://example.org/keyboard-only');
  // Tab through the form, ticking the topic and the own-content box with Space.
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return (
        el?.closest('label')?.textContent ??
        el?.textContent ??
        ''
      ).trim();
    });
  let steps = 0;
  for (let label = await focused(); label !== 'Submit input';) {
    if (
      label === 'community' ||
      label === 'I wrote this and host it elsewhere'
    ) {
      await page.keyboard.press('Space');
    }
    await page.keyboard.press('Tab');
    label = await focused();
    expect(++steps).toBeLessThan(40);
  }
  await page.keyboard.press('Enter');
  // The form closes and the panel shows the new input.
  await expect(
    panel.getByRole('link', { name: 'Typed without a mouse' })
  ).toBeVisible();
  await expect(inputForm(page)).toHaveCount(0);
  expect(git('log', '-1', '--format=%s')).toBe(
    'Add community input: Typed without a mouse'
  );
});

test('a setting change applies without a reload', async ({ page }) => {
  await page.evaluate(async () => {
    await window.jupyterapp.commands.execute('settingeditor:open', {
      query: 'Governance'
    });
  });
  const field = page.locator(
    'input[id="jp-SettingsEditor-jupyter-gov-ext:plugin_refreshInterval"]'
  );
  await field.fill('1');
  await field.press('Tab');
  await page.getByRole('tab', { name: 'Governance' }).first().click();
  // With a 1-second refresh, another member's commit shows up without pressing Refresh.
  commitPriority('live-setting', 'Seen thanks to the refresh interval');
  await expect(
    panelOf(page).getByRole('button', {
      name: /Seen thanks to the refresh interval/
    })
  ).toBeVisible({ timeout: 10000 });
});

test('the panel is usable in the dark theme', async ({ page }) => {
  await page.evaluate(async () => {
    await window.jupyterapp.commands.execute('apputils:change-theme', {
      theme: 'JupyterLab Dark'
    });
  });
  await expect(page.locator('body')).toHaveAttribute(
    'data-jp-theme-light',
    'false'
  );
  await page.getByRole('tab', { name: 'Governance' }).click();
  const panel = panelOf(page);
  await panel.getByRole('tab', { name: 'Community input' }).click();
  await panel.getByRole('button', { name: 'Link a post you wrote' }).click();
  const form = inputForm(page);
  const luminance = (locator: Locator, property: string) =>
    locator.evaluate((el, prop) => {
      const rgb = getComputedStyle(el)
        .getPropertyValue(prop)
        .match(/\d+(\.\d+)?/g)!
        .slice(0, 3)
        .map(Number);
      return (0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]) / 255;
    }, property);
  // Dark backgrounds, light text: the panel follows the theme's CSS variables.
  expect(await luminance(panel, 'background-color')).toBeLessThan(0.3);
  const title = page.getByText('Posting guidelines').first();
  expect(await luminance(title, 'color')).toBeGreaterThan(0.6);
  expect(
    await luminance(form.getByLabel('Title'), 'background-color')
  ).toBeLessThan(0.3);
  await page.screenshot({ path: 'test-results/panel-dark.png' });
  // And it still works: the form validates what is typed.
  await form.getByRole('button', { name: 'Submit input' }).click();
  await expect(form.getByRole('alert').first()).toBeVisible();
});
