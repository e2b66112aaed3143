import { TranslationBundle } from '@jupyterlab/translation';
import {
  checkIcon,
  downloadIcon,
  infoIcon,
  LabIcon,
  linkIcon,
  listIcon,
  refreshIcon
} from '@jupyterlab/ui-components';
import { CommandRegistry } from '@lumino/commands';

import { IStatus } from './api/types';
import { governanceIcon, syncIcon } from './icons';
import { CommandIDs } from './tokens';

/** What the commands' enablement depends on: a snapshot of the model, no DOM. */
export interface ICommandState {
  status: IStatus | null;
  loading: boolean;
}

/** Sync needs a branch that tracks a remote branch (the panel's Sync button asks the same). */
export function canSync(status: IStatus | null): boolean {
  return !!status?.remote.upstream;
}

/** Whether a command can run now; every command not named here can always run. */
export function commandEnabled(id: string, state: ICommandState): boolean {
  const initialised = !!state.status?.initialised;
  switch (id) {
    case CommandIDs.submitInput:
    case CommandIDs.importPriorities:
      return initialised;
    case CommandIDs.sync:
      // ... and no other request in flight.
      return canSync(state.status) && !state.loading;
    case CommandIDs.refresh:
      return !state.loading;
    default:
      return true;
  }
}

/** Why a disabled command cannot run, for its caption (empty when it can). */
export function whyDisabled(
  id: string,
  state: ICommandState,
  trans: TranslationBundle
): string {
  if (commandEnabled(id, state)) {
    return '';
  }
  if (!state.status?.initialised && !state.loading) {
    return trans.__('Initialise the governance repo first.');
  }
  if (state.loading) {
    return trans.__('Wait: the governance repo is being read.');
  }
  if (id === CommandIDs.sync) {
    return trans.__(
      'This branch tracks no remote branch, so there is nothing to sync with.'
    );
  }
  return '';
}

/** A command's label, caption and icon: the parts every command must have. */
export interface ICommandText {
  label: string;
  caption: string;
  icon: LabIcon;
}

/** The contract's command names (CONTRACT.md §4), translated, with captions and icons. */
export function commandTexts(
  trans: TranslationBundle
): Record<string, ICommandText> {
  return {
    [CommandIDs.openPanel]: {
      label: trans.__('Open Governance Panel'),
      caption: trans.__('Show the Governance panel in the left sidebar'),
      icon: governanceIcon
    },
    [CommandIDs.browsePriorities]: {
      label: trans.__('Browse Funding Priorities'),
      caption: trans.__("Read the Foundation's funding priorities"),
      icon: listIcon
    },
    [CommandIDs.submitInput]: {
      label: trans.__('Submit Community Input'),
      caption: trans.__('Link a post you wrote about Jupyter governance'),
      icon: linkIcon
    },
    [CommandIDs.openVotes]: {
      label: trans.__('Open Vote Panel'),
      caption: trans.__("See the council's proposals and cast ballots"),
      icon: checkIcon
    },
    [CommandIDs.startTour]: {
      label: trans.__('Start Onboarding Tour'),
      caption: trans.__(
        'A guided walk through funding priorities, community input and votes'
      ),
      icon: infoIcon
    },
    [CommandIDs.sync]: {
      label: trans.__('Sync Governance Repo'),
      caption: trans.__(
        'Pull from and push to the remote of the governance repo'
      ),
      icon: syncIcon
    },
    [CommandIDs.refresh]: {
      label: trans.__('Refresh Governance Data'),
      caption: trans.__('Read the governance repo again'),
      icon: refreshIcon
    },
    [CommandIDs.importPriorities]: {
      label: trans.__('Import Funding Priorities'),
      caption: trans.__(
        'Read priorities from a MyST document such as doc/funding/priorities.md'
      ),
      icon: downloadIcon
    }
  };
}

/**
 * Add one command with its text from `commandTexts`, its enablement from `commandEnabled`, and a
 * caption that says why it is disabled when it is.
 */
export function addGovernanceCommand(
  commands: CommandRegistry,
  id: string,
  options: {
    trans: TranslationBundle;
    state: () => ICommandState;
    execute: CommandRegistry.CommandFunc<unknown>;
    /** More for the caption, e.g. why the command will only explain itself. */
    note?: string;
  }
): void {
  const text = commandTexts(options.trans)[id];
  commands.addCommand(id, {
    label: text.label,
    caption: () =>
      [
        text.caption,
        options.note ?? '',
        whyDisabled(id, options.state(), options.trans)
      ]
        .filter(Boolean)
        .join(' · '),
    icon: text.icon,
    isEnabled: () => commandEnabled(id, options.state()),
    execute: options.execute
  });
}
