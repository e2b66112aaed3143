/**
 * Sharing through GitHub as a contributor does: pushing to the shared repo is refused (a
 * protected branch), so the commits go to the contributor's fork and Sync offers the pull request.
 * git's insteadOf sends the github.com addresses to bare repos on disk (there is no network here).
 */
import { expect, test } from '@jupyterlab/galata';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { fillInputForm, gitIn, inputForm, starterRepo } from './helpers';

test.use({ autoGoto: true });

const UPSTREAM = 'https://github.com/jupyter/governance.git';
const FORK = 'https://github.com/alice/governance.git';
const git = (...args: string[]) => gitIn(starterRepo, ...args);

test('a contributor without push rights gets a pull-request link instead of an error', async ({
  page
}) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gov-share-'));
  const upstream = path.join(dir, 'upstream.git');
  const fork = path.join(dir, 'fork.git');
  execFileSync('git', ['init', '-q', '--bare', upstream]);
  execFileSync('git', ['init', '-q', '--bare', fork]);
  try {
    git('config', `url.${upstream}.insteadOf`, UPSTREAM);
    git('config', `url.${fork}.insteadOf`, FORK);
    git('remote', 'add', 'origin', UPSTREAM);
    git('push', '-q', '-u', 'origin', 'main');
    // From now on the shared repo refuses pushes, as GitHub does for a protected branch.
    const hook = path.join(upstream, 'hooks', 'pre-receive');
    fs.writeFileSync(
      hook,
      "#!/bin/sh\necho 'error: GH006: Protected branch update failed.' >&2\nexit 1\n"
    );
    fs.chmodSync(hook, 0o755);
    // Capture what the "Open pull request" button opens.
    await page.evaluate(() => {
      (window as any).opened = [];
      window.open = ((url: string) => {
        (window as any).opened.push(url);
        return null;
      }) as any;
    });

    await page.evaluate(async () => {
      await window.jupyterapp.commands.execute('jupyter-gov-ext:refresh');
    });
    await page.getByRole('tab', { name: 'Governance' }).click();
    const panel = page.locator('#jupyter-gov-ext-panel');
    await panel.getByRole('tab', { name: 'Community input' }).click();
    await panel.getByRole('button', { name: 'Link a post you wrote' }).click();
    await fillInputForm(
      inputForm(page),
      'My post on the pillars',
      'https://example.org/pillars'
    );
    await expect(panel.getByText('1 to push', { exact: false })).toBeVisible();

    await panel.getByRole('button', { name: 'Sync' }).click();
    await expect(
      page.getByText(/GH006: Protected branch update failed/)
    ).toBeVisible();
    await page.getByRole('button', { name: 'Set up a fork' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox').fill(FORK);
    await dialog.getByRole('button', { name: 'Save and sync' }).click();

    await expect(page.getByText(/waiting for review/).first()).toBeVisible();
    await page.getByRole('button', { name: 'Open pull request' }).click();
    expect(await page.evaluate(() => (window as any).opened)).toEqual([
      'https://github.com/jupyter/governance/compare/main...alice:governance:jupyter-gov/alice?expand=1'
    ]);
    // The commit is on the fork's branch, and still in the clone.
    expect(
      execFileSync(
        'git',
        ['-C', fork, 'log', '-1', '--format=%s', 'jupyter-gov/alice'],
        {
          encoding: 'utf-8'
        }
      ).trim()
    ).toBe('Add community input: My post on the pillars');
    expect(git('log', '-1', '--format=%s')).toBe(
      'Add community input: My post on the pillars'
    );
  } finally {
    // Leave the shared starter repo as the other tests expect it: no remotes.
    for (const remote of ['origin', 'fork']) {
      if (git('remote').split('\n').includes(remote)) {
        git('remote', 'remove', remote);
      }
    }
    git('config', '--remove-section', `url.${upstream}`);
    git('config', '--remove-section', `url.${fork}`);
  }
});
