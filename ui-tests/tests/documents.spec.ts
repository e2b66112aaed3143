/**
 * The main-area documents: each opens beside the panel, survives a reload (layout restorer), and
 * nothing in the panel is clipped at JupyterLab's default sidebar width; screenshots of the main
 * views in the light and dark themes.
 */
import { expect, test } from '@jupyterlab/galata';
import type { Locator, Page } from '@playwright/test';

import {
  inputForm,
  openVotes,
  proposalDoc,
  waitForLab,
  workspaceSaved
} from './helpers';

const PROPOSAL = 'An open vote for the UI test';
const PRIORITY = 'Grow the contributor capacity of Jupyter';

test.use({
  autoGoto: true,
  viewport: { width: 1280, height: 800 },
  waitForApplication: waitForLab
});

async function openPanel(page: Page): Promise<Locator> {
  const panel = page.locator('#jupyter-gov-ext-panel');
  if (!(await panel.isVisible())) {
    await page.getByRole('tab', { name: 'Governance' }).click();
  }
  await expect(panel).toBeVisible();
  return panel;
}

/** Every element of the panel that shows text or takes a click lies inside the panel's width,
 * and no text is cut off inside its own box. */
async function assertNothingClipped(panel: Locator): Promise<void> {
  const problems = await panel.evaluate(root => {
    const box = root.getBoundingClientRect();
    const out: string[] = [];
    const nodes = root.querySelectorAll<HTMLElement>(
      'button, a, label, span, time, h3, p, input, select'
    );
    nodes.forEach(el => {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) {
        return; // not displayed
      }
      const text = (el.textContent ?? '').trim().slice(0, 40);
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5) {
        out.push(`outside the panel: <${el.tagName}> "${text}"`);
      }
      const style = getComputedStyle(el);
      if (
        el.scrollWidth > el.clientWidth + 1 &&
        style.overflowX !== 'auto' &&
        el.tagName !== 'INPUT' &&
        el.tagName !== 'SELECT'
      ) {
        out.push(`cut off: <${el.tagName}> "${text}"`);
      }
    });
    // Dates, tags and the parts of a meta line never break across lines (no "2026-01-/15").
    root
      .querySelectorAll<HTMLElement>(
        'time, .jp-GovExt-tag, .jp-GovExt-meta > span'
      )
      .forEach(el => {
        if (el.getClientRects().length > 1) {
          out.push(`broken across lines: "${el.textContent}"`);
        }
      });
    return out;
  });
  expect(problems).toEqual([]);
}

test('the panel fits the default sidebar width in every section', async ({
  page
}) => {
  const panel = await openPanel(page);
  const width = (await panel.boundingBox())!.width;
  expect(width).toBeLessThan(320); // JupyterLab's default sidebar, not a widened one
  for (const section of ['Funding priorities', 'Community input', 'Votes']) {
    await panel.getByRole('tab', { name: section }).click();
    await assertNothingClipped(panel);
  }
  // The tab shows how many votes wait for my ballot.
  const tab = page.getByRole('tab', { name: 'Governance' });
  await expect(tab).toHaveAttribute('data-gov-waiting', '2');
  await expect(tab).toHaveAttribute('title', /2 votes wait for your ballot/);
  // A small badge in the tab's corner, the same whether or not the tab is the current one.
  const badge = await tab.evaluate(el => {
    const style = getComputedStyle(el, '::before');
    return { content: style.content, width: parseFloat(style.width) };
  });
  expect(badge.content).toBe('"2"');
  expect(badge.width).toBeLessThan(24);
});

test('a priority, a proposal and the forms open as documents and come back after a reload', async ({
  page
}) => {
  const panel = await openPanel(page);
  await panel.getByRole('button', { name: PRIORITY }).click();
  const priority = page.getByRole('article', {
    name: `Funding priority: ${PRIORITY}`
  });
  await expect(priority.getByText('Key outcomes')).toBeVisible();
  // "Submit input about this priority" opens the form with the priority ticked.
  await priority
    .getByRole('button', { name: 'Submit input about this priority' })
    .click();
  await expect(
    inputForm(page)
      .getByRole('group', { name: 'Funding priorities' })
      .getByLabel(PRIORITY)
  ).toBeChecked();

  await openVotes(page);
  await panel.getByRole('button', { name: PROPOSAL, exact: true }).click();
  await expect(proposalDoc(page, PROPOSAL)).toBeVisible();
  await panel.getByRole('button', { name: 'Draft a proposal' }).click();
  await expect(
    page.getByRole('form', { name: 'Draft a proposal' })
  ).toBeVisible();
  await panel.getByRole('button', { name: 'Participation' }).click();
  await expect(
    page.getByRole('table', { name: 'Participation in formal votes' })
  ).toBeVisible();

  // Opening one again focuses it instead of opening a second copy.
  const saved = workspaceSaved(page, 'jupyter-gov-ext-documents:participation');
  await panel.getByRole('button', { name: PROPOSAL, exact: true }).click();
  await expect(page.locator('.jp-GovExt-proposalDoc')).toHaveCount(1);
  await saved;
  await page.waitForTimeout(500); // Galata's mock stores the saved workspace as the request ends

  await page.reload();
  for (const tab of [
    PRIORITY,
    PROPOSAL,
    'Submit community input',
    'New proposal',
    'Participation'
  ]) {
    await expect(
      page.locator('#jp-main-dock-panel .lm-TabBar-tab', { hasText: tab })
    ).toHaveCount(1);
  }
  await page
    .locator('#jp-main-dock-panel .lm-TabBar-tab', { hasText: PROPOSAL })
    .click();
  const doc = proposalDoc(page, PROPOSAL);
  await expect(doc.getByRole('list', { name: 'History' })).toContainText(
    'Drafted by'
  );
  await expect(
    doc.getByRole('img', { name: /yes 0, no 0, blank 0 of 3 members/ })
  ).toBeVisible();
});

test('main views in the light and dark themes', async ({ page }) => {
  const panel = await openPanel(page);
  await openVotes(page);
  await panel.getByRole('button', { name: PROPOSAL, exact: true }).click();
  const proposal = proposalDoc(page, PROPOSAL);
  await expect(proposal.getByRole('list', { name: 'History' })).toBeVisible();
  await panel.getByRole('tab', { name: 'Funding priorities' }).click();
  await panel.getByRole('button', { name: PRIORITY }).click();
  const priority = page.getByRole('article', {
    name: `Funding priority: ${PRIORITY}`
  });
  await expect(priority).toBeVisible();
  for (const theme of ['JupyterLab Light', 'JupyterLab Dark']) {
    await page.evaluate(async name => {
      await window.jupyterapp.commands.execute('apputils:change-theme', {
        theme: name
      });
    }, theme);
    await expect(page.locator('body')).toHaveAttribute(
      'data-jp-theme-name',
      theme
    );
    await page.waitForTimeout(500);
    const slug = theme.endsWith('Dark') ? 'dark' : 'light';
    expect(await priority.screenshot()).toMatchSnapshot(
      `priority-${slug}.png`,
      { maxDiffPixelRatio: 0.02 }
    );
    expect(await panel.getByRole('tabpanel').screenshot()).toMatchSnapshot(
      `panel-priorities-${slug}.png`,
      {
        maxDiffPixelRatio: 0.02
      }
    );
    // The proposal: its tally chart against the quorum, the ballot form, the history. What
    // depends on the clock (time left, dates, commits) is masked.
    await page
      .locator('#jp-main-dock-panel .lm-TabBar-tab', { hasText: PROPOSAL })
      .click();
    expect(
      await proposal.screenshot({
        mask: [
          proposal.locator('.jp-GovExt-docHeader .jp-GovExt-meta'),
          proposal.locator('.jp-GovExt-history')
        ]
      })
    ).toMatchSnapshot(`proposal-${slug}.png`, { maxDiffPixelRatio: 0.02 });
    await page
      .locator('#jp-main-dock-panel .lm-TabBar-tab', { hasText: PRIORITY })
      .click();
  }
});
