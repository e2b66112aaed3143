/**
 * The council's synthesis board: a member builds two pillars from six inputs, with the mouse and
 * with the keyboard only, proposes them as a ranked vote, and once it is decided each input says
 * what it fed.
 */
import { expect, test } from '@jupyterlab/galata';
import type { Locator, Page } from '@playwright/test';
import * as fs from 'fs';
import * as path from 'path';

import { castAndConfirm, gitIn, openVotes, starterRepo } from './helpers';

test.use({ autoGoto: true, viewport: { width: 1280, height: 800 } });

const git = (...args: string[]) => gitIn(starterRepo, ...args);
const stamp = (d: Date) => d.toISOString().replace(/\.\d+Z$/, 'Z');
const POSTS = [1, 2, 3, 4, 5, 6].map(n => `Board post ${n}`);

/** Six inputs from six writers, as if pulled: three from the community, three from members. */
function pullSixInputs(): void {
  fs.mkdirSync(path.join(starterRepo, 'inputs', '2026'), { recursive: true });
  POSTS.forEach((title, k) => {
    const id = `2026-11-0${k + 1}-board-post-${k + 1}-bdp0${k + 1}`;
    fs.writeFileSync(
      path.join(starterRepo, 'inputs', '2026', `${id}.md`),
      [
        '---',
        `id: ${id}`,
        `title: ${title}`,
        `url: https://example.org/board-${k + 1}`,
        `author: {id: writer${k + 1}, name: Writer ${k + 1}}`,
        `submitted: '2026-11-0${k + 1}T10:00:00Z'`,
        'topics: [community]',
        `stakeholder: ${k % 2 ? 'member-organisation' : 'community'}`,
        '---',
        `What writer ${k + 1} thinks.`,
        ''
      ].join('\n')
    );
  });
  git('add', 'inputs');
  git('commit', '-q', '-m', 'Six inputs from the forum');
}

async function openBoard(page: Page): Promise<Locator> {
  await page.evaluate(async () => {
    await window.jupyterapp.commands.execute('jupyter-gov-ext:refresh');
    await window.jupyterapp.commands.execute('jupyter-gov-ext:open-synthesis');
  });
  const board = page.locator('.jp-GovExt-board');
  await expect(board).toBeVisible();
  return board;
}

test('a member turns six inputs into two pillars and a ranked vote, and each input shows what it fed', async ({
  page
}) => {
  pullSixInputs();
  const board = await openBoard(page);
  const queue = board.getByRole('region', { name: 'Input to place' });
  for (const title of POSTS) {
    await expect(queue.getByRole('listitem', { name: title })).toBeVisible();
  }

  // The first pillar with the mouse: its form, then three inputs dragged onto it.
  const form = board.getByRole('form', { name: 'New pillar' });
  await form.getByLabel('Pillar title').fill('Mentoring');
  await form
    .getByLabel('The pillar in one paragraph')
    .fill('Pair every newcomer with a maintainer.');
  await form.getByRole('button', { name: 'Add pillar' }).click();
  const mentoring = board.getByRole('listitem', { name: 'Pillar: Mentoring' });
  await expect(mentoring).toBeVisible();
  for (const title of POSTS.slice(0, 3)) {
    await queue
      .getByRole('listitem', { name: title })
      .dragTo(mentoring, { sourcePosition: { x: 4, y: 4 } });
    await expect(
      mentoring.getByRole('list', { name: 'Inputs supporting Mentoring' })
    ).toContainText(title);
  }
  await expect(mentoring).toContainText('3 inputs');
  await expect(mentoring).toContainText('community 2 · member-organisation 1');

  // The second with the keyboard only: type the form, then pick the pillar beside each input.
  await form.getByLabel('Pillar title').focus();
  await page.keyboard.type('Funding');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Pay maintainers for the work nobody sees.');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const funding = board.getByRole('listitem', { name: 'Pillar: Funding' });
  await expect(funding).toBeVisible();
  for (const title of POSTS.slice(3)) {
    await queue.getByLabel(`Pillar for "${title}"`).focus();
    await page.keyboard.press('ArrowDown'); // from Mentoring to Funding
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(
      funding.getByRole('list', { name: 'Inputs supporting Funding' })
    ).toContainText(title);
  }
  await expect(queue.getByRole('listitem', { name: /Board post/ })).toHaveCount(
    0
  );
  const files = git('ls-files', 'pillars').split('\n');
  expect(files).toHaveLength(2); // one file per pillar, so clones merge

  // A pillar is a draft: its words can change (one commit).
  await funding.getByRole('button', { name: 'Reword "Funding"' }).click();
  const reword = funding.getByRole('form', { name: 'Reword "Funding"' });
  await reword
    .getByLabel('The pillar in one paragraph')
    .fill('Pay maintainers for the work that keeps Jupyter running.');
  await reword.getByRole('button', { name: 'Save' }).click();
  await expect(reword).toHaveCount(0);
  await expect(funding.locator('.jp-GovExt-summary')).toContainText(
    'the work that keeps Jupyter running'
  );
  await expect
    .poll(() => git('log', '-1', '--format=%s'))
    .toBe('Edit pillar: Funding');

  // Both pillars become one ranked vote that cites all six inputs.
  await mentoring
    .getByRole('checkbox', { name: 'Select "Mentoring" for a proposal' })
    .check();
  await funding
    .getByRole('checkbox', { name: 'Select "Funding" for a proposal' })
    .check();
  await board.getByLabel('Proposal title').fill('Our first strategic pillar');
  await board.getByRole('button', { name: 'Propose as a ranked vote' }).click();
  const doc = page.getByRole('article', {
    name: 'Proposal: Our first strategic pillar'
  });
  await expect(
    doc.getByRole('region', { name: 'From community input' })
  ).toContainText('Mentoring: Board post 1 (Writer 1)');
  await expect(
    doc.getByRole('img', { name: /From community input to the decision/ })
  ).toBeVisible();
  const file = git('show', '--name-only', '--format=', 'HEAD');
  const id = path.basename(file, '.md');
  const text = fs.readFileSync(path.join(starterRepo, file), 'utf-8');
  expect(text).toContain('kind: ranked');
  expect(text).toMatch(/cites:\n(- .*board-post.*\n){6}/);

  // The council votes (bob and carol pulled in, alice in the panel); the last ballot decides.
  const now = new Date();
  fs.writeFileSync(
    path.join(starterRepo, file),
    text
      .replace('status: draft', 'status: voting')
      .replace(
        '---\n',
        `---\nseconded_by: bob\nvote: {opened: '${stamp(now)}', closes: '${stamp(new Date(now.getTime() + 7 * 86400000))}'}\n`
      )
  );
  fs.mkdirSync(path.join(starterRepo, 'votes', id), { recursive: true });
  for (const member of ['bob', 'carol']) {
    fs.writeFileSync(
      path.join(starterRepo, 'votes', id, `${member}.yml`),
      `ranking: [Mentoring, Funding]\ncast: '${stamp(now)}'\n`
    );
  }
  git('add', 'proposals', 'votes');
  git('commit', '-q', '-m', 'The council opens the vote; bob and carol vote');
  await page.evaluate(async () => {
    await window.jupyterapp.commands.execute('jupyter-gov-ext:refresh');
  });
  const panel = await openVotes(page);
  const item = panel
    .getByRole('region', { name: 'Waiting for your ballot' })
    .getByRole('listitem', { name: 'Our first strategic pillar' });
  await item
    .getByRole('checkbox', {
      name: 'Blank (counts toward the quorum, not the result)'
    })
    .check();
  await castAndConfirm(page, item);
  await expect(
    panel
      .getByRole('region', { name: 'Decided' })
      .getByRole('listitem', { name: 'Our first strategic pillar' })
  ).toBeVisible();

  // Each input now says what it fed and what was decided.
  await panel.getByRole('tab', { name: 'Community input' }).click();
  for (const [k, title] of POSTS.entries()) {
    const trace = panel
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: title, exact: true }) })
      .getByLabel('What it fed');
    await expect(trace).toContainText(
      `Fed pillar "${k < 3 ? 'Mentoring' : 'Funding'}"`
    );
    await expect(trace).toContainText(
      /proposal "Our first strategic pillar": accepted on \d{4}-\d{2}-\d{2}/
    );
  }
});
