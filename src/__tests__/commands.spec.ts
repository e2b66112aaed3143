import { nullTranslator, TranslationBundle } from '@jupyterlab/translation';
import { CommandRegistry } from '@lumino/commands';

import { IStatus } from '../api/types';
import {
  addGovernanceCommand,
  commandEnabled,
  commandTexts,
  ICommandState
} from '../commands';
import { CommandIDs, PACKAGE, TRANSLATION_DOMAIN } from '../tokens';
import { governanceTourSteps, nextStepIndex } from '../tour';

const trans = nullTranslator.load('jupyter_gov_ext');

function state(
  initialised: boolean,
  upstream: string | null,
  loading = false
): ICommandState {
  return {
    loading,
    status: {
      initialised,
      remote: { names: [], upstream, ahead: null, behind: null }
    } as unknown as IStatus
  };
}

describe('command enablement', () => {
  it('sync needs a branch that tracks a remote branch', () => {
    expect(commandEnabled(CommandIDs.sync, state(true, null))).toBe(false);
    expect(commandEnabled(CommandIDs.sync, state(true, 'origin/main'))).toBe(
      true
    );
    // not while the repo is being read
    expect(
      commandEnabled(CommandIDs.sync, state(true, 'origin/main', true))
    ).toBe(false);
  });

  it('submitting input and importing priorities need an initialised repo', () => {
    for (const id of [CommandIDs.submitInput, CommandIDs.importPriorities]) {
      expect(commandEnabled(id, { status: null, loading: true })).toBe(false);
      expect(commandEnabled(id, state(false, null))).toBe(false);
      expect(commandEnabled(id, state(true, null))).toBe(true);
    }
  });

  it('auditing a decision needs a proposal: the one in front, or the one a button names', () => {
    const id = CommandIDs.auditDecision;
    expect(commandEnabled(id, state(true, null))).toBe(false);
    expect(
      commandEnabled(id, { ...state(true, null), currentProposal: 'p-1' })
    ).toBe(true);
    expect(commandEnabled(id, state(true, null), { id: 'p-2' })).toBe(true);
    expect(commandEnabled(id, state(false, null), { id: 'p-2' })).toBe(false);
  });

  it('opening the panel, the sections and the tour always works', () => {
    for (const id of [
      CommandIDs.openPanel,
      CommandIDs.browsePriorities,
      CommandIDs.openVotes,
      CommandIDs.startTour
    ]) {
      expect(commandEnabled(id, { status: null, loading: true })).toBe(true);
    }
  });

  it('a disabled command says why in its caption', () => {
    const commands = new CommandRegistry();
    let current = state(false, null);
    for (const id of [CommandIDs.submitInput, CommandIDs.sync]) {
      addGovernanceCommand(commands, id, {
        trans,
        state: () => current,
        execute: () => undefined
      });
    }
    expect(commands.isEnabled(CommandIDs.submitInput)).toBe(false);
    expect(commands.caption(CommandIDs.submitInput)).toContain(
      'Initialise the governance repo first.'
    );
    current = state(true, null);
    expect(commands.isEnabled(CommandIDs.submitInput)).toBe(true);
    expect(commands.caption(CommandIDs.submitInput)).not.toContain('·');
    expect(commands.caption(CommandIDs.sync)).toContain('no remote branch');
  });
});

describe('command texts', () => {
  it('every contract command has a translated label, a caption and an icon', () => {
    // A bundle that marks what went through it: an untranslated string would show unmarked.
    const marking = {
      __: (s: string, ...args: unknown[]) =>
        `«${trans.__(s, ...(args as string[]))}»`
    } as unknown as TranslationBundle;
    const texts = commandTexts(marking);
    const labels = Object.values(texts).map(t => t.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        '«Open Governance Panel»',
        '«Browse Funding Priorities»',
        '«Submit Community Input»',
        '«Open Vote Panel»',
        '«Start Onboarding Tour»',
        '«Sync Governance Repo»',
        '«Refresh Governance Data»'
      ])
    );
    expect(Object.keys(texts).sort()).toEqual(Object.values(CommandIDs).sort());
    for (const t of Object.values(texts)) {
      expect(t.caption).toMatch(/^«.+»$/);
      expect(t.icon.name).toBeTruthy();
    }
  });
});

describe('translation domain', () => {
  it('is the package name normalised as language packs name their catalogs', () => {
    // JupyterLab normalises domains by replacing "-" with "_"; it is also the Python package name.
    expect(TRANSLATION_DOMAIN).toBe(PACKAGE.replace(/-/g, '_'));
    expect(TRANSLATION_DOMAIN).toBe('jupyter_gov_ext');
  });
});

describe('the tour as data', () => {
  it('names the shortcuts the user has, and moves forward and back', () => {
    const steps = governanceTourSteps(trans, id =>
      id === CommandIDs.openPanel ? 'Alt+Shift+G' : ''
    );
    const last = steps[steps.length - 1].content;
    expect(last).toContain('Alt+Shift+G opens this panel');
    expect(last).toContain('No shortcut submits input');
    expect(
      nextStepIndex({ type: 'step:after', index: 3, action: 'next' })
    ).toBe(4);
    expect(
      nextStepIndex({ type: 'step:after', index: 3, action: 'prev' })
    ).toBe(2);
    expect(nextStepIndex({ type: 'tooltip', index: 3, action: 'update' })).toBe(
      null
    );
  });
});
