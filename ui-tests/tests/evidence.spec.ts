/**
 * Evidence anyone can re-run, from inside JupyterLab: the growth figures with their data, a
 * decided vote recounted in a notebook (a match, then a mismatch once a ballot is tampered with),
 * the forum's existing input imported once, and signed ballots in a proposal's history.
 */
import { expect, test } from '@jupyterlab/galata';
import type { Locator, Page } from '@playwright/test';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';

import { gitIn, openProposal, openVotes, starterRepo } from './helpers';

test.use({
  autoGoto: true,
  viewport: { width: 1280, height: 800 },
  permissions: ['clipboard-read', 'clipboard-write']
});
test.describe.configure({ mode: 'serial' });

const git = (...args: string[]) => gitIn(starterRepo, ...args);
const stamp = (d: Date) => d.toISOString().replace(/\.\d+Z$/, 'Z');
const DAY = 86400000;
const TOPIC = path.join(
  __dirname,
  '..',
  '..',
  'fixtures',
  'discourse',
  'topic-38511.json'
);

/** Write repo files and commit them, as a pull from the other members would bring them. */
function pull(files: Record<string, string>, message: string): void {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(starterRepo, rel)), {
      recursive: true
    });
    fs.writeFileSync(path.join(starterRepo, rel), text);
  }
  git('add', '-A', '--', ...Object.keys(files));
  git('commit', '-q', '-m', message);
}

async function refresh(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await window.jupyterapp.commands.execute('jupyter-gov-ext:refresh');
  });
}

async function runFromPalette(page: Page, label: string): Promise<void> {
  await page.keyboard.press('Control+Shift+C');
  const palette = page.locator('#modal-command-palette');
  await palette.locator('input').fill(label);
  await palette
    .locator('.lm-CommandPalette-item', {
      has: page.locator('.lm-CommandPalette-itemLabel', { hasText: label })
    })
    .click();
}

/** The last cell's output of the notebook in front, once the kernel has run it. */
function lastOutput(page: Page): Locator {
  return page
    .locator('.jp-NotebookPanel:visible .jp-Cell')
    .last()
    .locator('.jp-OutputArea');
}

const VOTE = '2026-06-01-adopt-an-evidence-policy-ev1d3n';

test('the figures answer "are we growing?" and each decision can be recounted in a notebook', async ({
  page
}) => {
  // Input from four people over three months, and a vote whose period ended: bob and carol
  // voted yes, alice no.
  const inputs: Record<string, string> = {};
  [
    ['2026-07-03', 'dana', 'capacity'],
    ['2026-07-20', 'eli', 'software'],
    ['2026-09-02', 'dana', 'capacity'],
    ['2026-09-15', 'fay', 'capacity']
  ].forEach(([day, who, priority], n) => {
    const id = `${day}-evidence-post-${n}-evd00${n}`;
    inputs[`inputs/2026/${id}.md`] = [
      '---',
      `id: ${id}`,
      `title: Evidence post ${n}`,
      `url: https://example.org/evidence-${n}`,
      `author: {id: ${who}, name: ${who}}`,
      `submitted: '${day}T10:00:00Z'`,
      'topics: [community]',
      `priorities: [${priority}]`,
      'stakeholder: community',
      '---',
      ''
    ].join('\n');
  });
  const closed = new Date(Date.now() - DAY);
  const cast = stamp(new Date(closed.getTime() - DAY));
  pull(
    {
      ...inputs,
      [`proposals/${VOTE}.md`]: [
        '---',
        `id: ${VOTE}`,
        'title: Adopt an evidence policy',
        'sponsor: bob',
        'seconded_by: carol',
        `created: '${stamp(new Date(closed.getTime() - 9 * DAY))}'`,
        'status: voting',
        `vote: {opened: '${stamp(new Date(closed.getTime() - 7 * DAY))}', closes: '${stamp(closed)}'}`,
        '---',
        '',
        'Publish the figures.',
        ''
      ].join('\n'),
      [`votes/${VOTE}/bob.yml`]: `value: 'yes'\ncast: '${cast}'\n`,
      [`votes/${VOTE}/carol.yml`]: `value: 'yes'\ncast: '${cast}'\n`,
      [`votes/${VOTE}/alice.yml`]: `value: 'no'\ncast: '${cast}'\n`
    },
    'Input and a vote, pulled'
  );
  await refresh(page);
  // The server closes the vote whose period ended and records the decision.
  await expect
    .poll(() => git('log', '-1', '--format=%s'))
    .toMatch(/^Close vote on/);

  await runFromPalette(page, 'Show Growth and Decisions');
  const doc = page.getByRole('article', { name: 'Growth and decisions' });
  // The answer first, in words; the figures below it.
  await expect(doc.getByRole('status')).toHaveText(
    /^\d+ people have given input\. From \d{4}-\d{2} to \d{4}-\d{2}, \d+ gave input for the first time/
  );
  const contributors = doc.getByRole('region', {
    name: 'Contributors of input per month'
  });
  await expect(
    contributors.getByRole('img', { name: 'Contributors of input per month' })
  ).toBeVisible();
  // JupyterLab's Vega renderer drew it.
  await expect(contributors.locator('canvas, svg').first()).toBeVisible();
  await contributors.getByText(/Show the data/).click();
  const table = contributors.getByRole('table');
  await expect(table.getByRole('row')).not.toHaveCount(0);
  await contributors.getByRole('button', { name: 'Copy as CSV' }).click();
  await expect(page.getByText('Copied "Contributors')).toBeVisible();
  const csv = await page.evaluate(() => navigator.clipboard.readText());
  expect(csv.split('\r\n')[0]).toBe(
    'month,new,returning,contributors,total_so_far'
  );
  // September 2026: fay is new, dana returns.
  expect(csv).toContain('2026-09,1,1,2,');
  const turnout = doc.getByRole('region', { name: 'Ballots per vote' });
  await turnout.getByText(/Show the data/).click();
  await expect(
    turnout.getByRole('row', { name: /Adopt an evidence policy/ })
  ).toContainText('3');
  // Nothing is clipped at the default width.
  const box = await doc.boundingBox();
  const chart = await contributors
    .locator('.jp-GovExt-figureChart')
    .boundingBox();
  expect(chart!.x + chart!.width).toBeLessThanOrEqual(box!.x + box!.width + 1);

  // Was it counted right? The audit notebook recounts it and says so at the end.
  await doc
    .getByRole('button', {
      name: 'Audit "Adopt an evidence policy" in a notebook'
    })
    .click();
  const head = git('rev-parse', '--short=7', 'HEAD');
  await expect(
    page.getByRole('tab', { name: `audit-${VOTE}-${head}.ipynb` })
  ).toBeVisible();
  await expect(lastOutput(page)).toContainText(`${VOTE}: MATCH.`, {
    timeout: 60000
  });
  await expect(lastOutput(page)).toContainText('True');

  // Every figure and every recount, in a notebook anyone can run again.
  await page
    .locator('#jp-main-dock-panel .lm-TabBar-tab', {
      hasText: 'Growth and decisions'
    })
    .click();
  await doc.getByRole('button', { name: 'Re-run in a notebook' }).click();
  await expect(
    page.getByRole('tab', { name: `growth-${head}.ipynb` })
  ).toBeVisible();
  await expect(lastOutput(page)).toContainText(
    /(\d+) of \1 decided votes match their record\./,
    { timeout: 60000 }
  );

  // Someone changes alice's ballot after the decision: the recount disagrees with the record.
  pull(
    { [`votes/${VOTE}/alice.yml`]: `value: 'yes'\ncast: '${cast}'\n` },
    'Edit a ballot after the decision'
  );
  await refresh(page);
  const panel = await openVotes(page);
  const proposal = await openProposal(page, panel, 'Adopt an evidence policy');
  await expect(
    proposal.getByRole('button', { name: 'Audit in a notebook' })
  ).toBeVisible();
  // The palette's command audits the proposal whose document is in front.
  await runFromPalette(page, 'Audit This Decision in a Notebook');
  const tampered = git('rev-parse', '--short=7', 'HEAD');
  await expect(
    page.getByRole('tab', { name: `audit-${VOTE}-${tampered}.ipynb` })
  ).toBeVisible();
  await expect(lastOutput(page)).toContainText(`${VOTE}: MISMATCH.`, {
    timeout: 60000
  });
  await expect(lastOutput(page)).toContainText(
    'council: yes recorded 2, recounted 3.'
  );
  // The notebooks are not governance records: git ignores them.
  expect(git('status', '--porcelain')).toBe('');
});

test('the forum’s input is imported once, with its authors and dates, after confirmation', async ({
  page
}) => {
  await runFromPalette(page, 'Import Input from the Forum');
  const doc = page.getByRole('article', {
    name: 'Import input from the forum'
  });
  await doc.getByLabel('Topic export file').setInputFiles(TOPIC);
  await doc.getByRole('button', { name: 'Show the links' }).click();
  const links = doc.getByRole('list', { name: 'Links to import' });
  await expect(links.getByRole('listitem')).toHaveCount(3);
  await expect(links.getByRole('listitem').first()).toContainText(
    'By Jo Doe (@jdoe)'
  );
  await expect(doc).toContainText('6 of the topic’s 7 posts read');
  // Leave mkim's discussion out for now.
  await links.getByRole('checkbox', { name: 'discussion I opened' }).uncheck();
  await doc
    .getByRole('group', { name: 'Topics for every new input' })
    .getByLabel('funding')
    .check();
  const before = Number(git('rev-list', '--count', 'HEAD'));
  await doc.getByRole('button', { name: 'Import 2 input(s)…' }).click();
  // Nothing without confirmation: cancel first.
  await page
    .getByRole('dialog')
    .getByRole('button', { name: 'Cancel' })
    .click();
  expect(Number(git('rev-list', '--count', 'HEAD'))).toBe(before);
  await doc.getByRole('button', { name: 'Import 2 input(s)…' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: 'Import' })
    .click();
  await expect(page.getByText(/Imported 2 input\(s\)/)).toBeVisible();
  expect(Number(git('rev-list', '--count', 'HEAD'))).toBe(before + 1);
  await expect(links.getByText('already imported')).toHaveCount(2);
  // A second import of the same topic offers only what is not held yet.
  await links.getByRole('checkbox', { name: 'discussion I opened' }).check();
  await doc.getByRole('button', { name: 'Import 1 input(s)…' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: 'Import' })
    .click();
  await expect(page.getByText(/Imported 1 input\(s\)/)).toBeVisible();
  await expect(links.getByText('already imported')).toHaveCount(3);
  expect(Number(git('rev-list', '--count', 'HEAD'))).toBe(before + 2);
  expect(git('log', '-1', '--format=%s')).toBe(
    "Import 1 community input(s) from the forum: Community input on the foundation's funding priorities"
  );

  // The topic's address: the server reads every post, the seventh too (a second page).
  const forum = http.createServer((req, res) => {
    const file = req.url?.startsWith('/t/38511/posts.json')
      ? 'posts-38511-page-2.json'
      : req.url === '/t/38511.json'
        ? 'topic-38511.json'
        : null;
    res.writeHead(file ? 200 : 404, { 'Content-Type': 'application/json' });
    res.end(
      file ? fs.readFileSync(path.join(path.dirname(TOPIC), file)) : '{}'
    );
  });
  await new Promise<void>(done => forum.listen(0, '127.0.0.1', done));
  try {
    const { port } = forum.address() as { port: number };
    await doc.getByLabel('The topic’s address (the server reads it)').check();
    await doc
      .getByLabel('Topic address')
      .fill(`http://127.0.0.1:${port}/t/community-input/38511`);
    await doc.getByRole('button', { name: 'Show the links' }).click();
    await expect(doc).toContainText('7 posts read.');
    await expect(links.getByRole('listitem')).toHaveCount(4);
    await expect(links.getByText('already imported')).toHaveCount(3);
    await expect(
      links.getByRole('checkbox', { name: 'Onboarding new contributors' })
    ).toBeChecked();
  } finally {
    forum.close();
  }

  const panel = page.locator('#jupyter-gov-ext-panel');
  await page.getByRole('tab', { name: 'Governance' }).click();
  await panel.getByRole('tab', { name: 'Community input' }).click();
  const imported = panel.getByRole('listitem').filter({
    has: page.getByRole('link', { name: 'What Jupyter needs next' })
  });
  await expect(imported).toContainText('Jo Doe');
  await expect(imported).toContainText('2026-10-02');
  await expect(
    imported.getByRole('link', { name: 'via the forum' })
  ).toHaveAttribute(
    'href',
    'https://discourse.jupyter.org/t/community-input-on-the-foundations-funding-priorities/38511/2'
  );
});

test('a signed ballot shows its signature in the history, checked against the repo’s signers', async ({
  page
}) => {
  const keys = fs.mkdtempSync(path.join(os.tmpdir(), 'gov-keys-'));
  const key = path.join(keys, 'alice');
  execFileSync('ssh-keygen', [
    '-q',
    '-t',
    'ed25519',
    '-N',
    '',
    '-C',
    'alice',
    '-f',
    key
  ]);
  const signed = '2026-11-01-a-signed-vote-s1gn3d';
  const now = Date.now();
  pull(
    {
      [`proposals/${signed}.md`]: [
        '---',
        `id: ${signed}`,
        'title: A signed vote',
        'sponsor: bob',
        'seconded_by: carol',
        `created: '${stamp(new Date(now - DAY))}'`,
        'status: voting',
        `vote: {opened: '${stamp(new Date(now - DAY))}', closes: '${stamp(new Date(now + 6 * DAY))}'}`,
        '---',
        '',
        'Sign your ballots.',
        ''
      ].join('\n')
    },
    'A vote to sign, pulled'
  );
  const governanceFile = path.join(starterRepo, 'governance.yml');
  const governance = fs.readFileSync(governanceFile, 'utf-8');
  git('config', 'gpg.format', 'ssh');
  git('config', 'user.signingkey', `${key}.pub`);
  git('config', 'commit.gpgsign', 'true');
  try {
    await refresh(page);
    const panel = await openVotes(page);
    const doc = await openProposal(page, panel, 'A signed vote');
    const cast = async (choice: string) => {
      await doc.getByRole('radio', { name: choice }).check();
      await doc.getByRole('button', { name: 'Cast ballot' }).click();
      await page
        .getByRole('dialog')
        .getByRole('button', { name: 'Confirm' })
        .click();
    };
    await cast('Yes');
    const history = doc.getByRole('list', { name: 'History' });
    await expect(history.getByRole('listitem').last()).toContainText(
      'Ballot cast by alice'
    );
    // Signed by alice's git, with a key the repo does not list (yet).
    await expect(history.getByRole('listitem').last()).toContainText(
      'Signed by an unknown key'
    );
    // The repo vouches for alice's key: every clone now verifies her ballot as good.
    pull(
      {
        '.github/allowed_signers': `alice@example.org ${fs.readFileSync(`${key}.pub`, 'utf-8')}`,
        'governance.yml': `${governance}allowed_signers: .github/allowed_signers\n`
      },
      'Vouch for alice’s signing key'
    );
    await refresh(page);
    await cast('No');
    await expect(history.getByRole('listitem').last()).toContainText(
      'Ballot changed by alice'
    );
    await expect(history.getByRole('listitem').last()).toContainText(
      'Signed: good (alice@example.org)'
    );
    await expect(doc).toContainText(
      'Signatures are verified by git against the allowed signers in .github/allowed_signers.'
    );
  } finally {
    git('config', '--unset', 'commit.gpgsign');
    pull({ 'governance.yml': governance }, 'Back to the starter governance');
  }
});
