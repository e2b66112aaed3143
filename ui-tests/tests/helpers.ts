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
