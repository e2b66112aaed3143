/**
 * Galata in Debian's chromium (no browser download is possible here), against a JupyterLab started
 * with jupyter_server_test_config.py on a fresh starter governance repo (project "starter"), and
 * one started with jupyter_server_real_config.py on copies of Jupyter's real governance repos.
 */
const path = require('path');
const baseConfig = require('@jupyterlab/galata/lib/playwright-config');
const { galata } = require('@jupyterlab/galata');

const repoRoot =
  process.env.GOV_UI_TEST_REPO || path.join(__dirname, '.test-repo');
const realRoot =
  process.env.GOV_UI_REAL_ROOT || path.join(__dirname, '.test-real');
const teamRoot =
  process.env.GOV_UI_TEAM_ROOT || path.join(__dirname, '.test-team');
const allowRoot =
  process.getuid && process.getuid() === 0 ? ' --allow-root' : '';

module.exports = {
  ...baseConfig,
  workers: 1,
  retries: 0,
  timeout: 90000,
  reporter: [['list'], ['html', { open: 'never' }]],
  use: {
    ...baseConfig.use,
    baseURL: 'http://localhost:8888',
    // The onboarding tour would cover the UI the other tests use: onboarding.spec.ts turns it on.
    mockSettings: {
      ...galata.DEFAULT_SETTINGS,
      'jupyter-gov-ext:plugin': { autoStartTour: false }
    },
    trace: 'off',
    screenshot: 'only-on-failure',
    video: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--headless=new',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run'
      ]
    }
  },
  projects: [
    {
      name: 'starter',
      testMatch:
        /(documents|evidence|governance|onboarding|palette|votes|rules|sharing|synthesis)\.spec\.ts/,
      use: { baseURL: 'http://localhost:8888' }
    },
    {
      name: 'real-governance',
      testMatch: /real\.spec\.ts/,
      use: { baseURL: 'http://localhost:8889' }
    },
    {
      name: 'team',
      testMatch: /team\.spec\.ts/,
      use: { baseURL: 'http://localhost:8890' }
    }
  ],
  webServer: [
    {
      command: `rm -rf "${repoRoot}" && GOV_UI_TEST_REPO="${repoRoot}" jupyter-lab --config jupyter_server_test_config.py${allowRoot}`,
      url: 'http://localhost:8888/lab',
      timeout: 120 * 1000,
      reuseExistingServer: false
    },
    {
      command: `rm -rf "${realRoot}" && GOV_UI_REAL_ROOT="${realRoot}" jupyter-lab --config jupyter_server_real_config.py${allowRoot}`,
      url: 'http://localhost:8889/lab',
      timeout: 120 * 1000,
      reuseExistingServer: false
    },
    ...['alice', 'bob'].map((who, i) => ({
      command: `${i === 0 ? `rm -rf "${teamRoot}" && ` : 'sleep 1 && '}GOV_TEAM_ROOT="${teamRoot}" GOV_TEAM_WHO=${who} jupyter-lab --config jupyter_server_team_config.py${allowRoot}`,
      url: `http://localhost:${8890 + i}/lab`,
      timeout: 120 * 1000,
      reuseExistingServer: false
    }))
  ]
};
