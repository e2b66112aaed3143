import { TranslationBundle } from '@jupyterlab/translation';

import { CommandIDs } from './tokens';

/** The tour's id in jupyterlab-tour's manager, and the state DB key that says it is done. */
export const TOUR_ID = 'jupyter-gov-ext:governance-tour';
export const TOUR_STATE_KEY = 'jupyter-gov-ext:tour';

/**
 * One step of the Governance tour, as data: the element it points at (a CSS selector of the real
 * element), what it says, and the command that puts the panel in the state the step shows.
 */
export interface IGovTourStep {
  target: string;
  title: string;
  content: string;
  placement: 'right' | 'bottom' | 'left' | 'center';
  /** Run when the tour moves to this step, so its target is on screen. */
  command?: string;
  /** Also run when the tour moves to this step: it opens what the *next* step points at, which
   * takes a moment (a main-area document), so that it is there when the tour looks for it. */
  prepare?: string;
}

/** The Governance tour: the panel, priorities, the input form and guidelines, votes, sync, palette. */
export function governanceTourSteps(
  trans: TranslationBundle,
  /** The user's current shortcut for a command, e.g. "Alt+Shift+G", or '' if none. */
  keys: (command: string) => string
): IGovTourStep[] {
  const shortcut = (command: string, fallback: string) =>
    keys(command) || fallback;
  return [
    {
      target: '.jp-SideBar .lm-TabBar-tab[data-id="jupyter-gov-ext-panel"]',
      title: trans.__('The Governance panel'),
      content: trans.__(
        "Project Jupyter's governance work lives here: the Foundation's funding priorities, community input and the council's votes. Its data is plain files in a git repo, and every change you make is a commit."
      ),
      placement: 'right',
      command: CommandIDs.browsePriorities
    },
    {
      target: '.jp-GovExt-header',
      title: trans.__('Your governance repo'),
      content: trans.__(
        'The repo and branch you work on, and who you are signed in as. Refresh reads the repo again.'
      ),
      placement: 'right',
      command: CommandIDs.browsePriorities
    },
    {
      target: '#jp-GovExt-tabpanel',
      title: trans.__('Funding priorities'),
      content: trans.__(
        "The Foundation's funding priorities. Open one to read its key outcomes, example activities, and the input and proposals that relate to it."
      ),
      placement: 'right',
      command: CommandIDs.browsePriorities
    },
    {
      target: '#jp-GovExt-tab-inputs',
      title: trans.__('Community input'),
      content: trans.__(
        'Posts the community wrote about governance, threaded by what they answer. You can filter them by topic and priority.'
      ),
      placement: 'right',
      command: CommandIDs.browsePriorities,
      prepare: CommandIDs.submitInput
    },
    {
      target: '.jp-GovExt-guidelines',
      title: trans.__('The posting guidelines'),
      content: trans.__(
        'Share only what you wrote, host it elsewhere and link it. There is no debate here: to answer a post, write your own and link it.'
      ),
      placement: 'left',
      command: CommandIDs.submitInput
    },
    {
      target: '.jp-GovExt-submit .jp-GovExt-form',
      title: trans.__('Submit community input'),
      content: trans.__(
        'Give your post a title and its link, tag it with topics and funding priorities, and say what it responds to. Submitting makes one commit. Forms, priorities and proposals open here, beside the panel, and come back after a reload.'
      ),
      placement: 'right',
      command: CommandIDs.submitInput
    },
    {
      target: '#jp-GovExt-tab-votes',
      title: trans.__('The vote panel'),
      content: trans.__(
        'Council members draft proposals, call votes and cast ballots here. Ballots are public and can change until the vote closes; the tally follows the rules in governance.yml.'
      ),
      placement: 'right',
      command: CommandIDs.openVotes
    },
    {
      target: '.jp-GovExt-sync',
      title: trans.__('Sync with GitHub'),
      content: trans.__(
        "Sync pulls the others' commits and pushes yours to the repo's remote. It is enabled when your branch tracks a remote branch."
      ),
      placement: 'right',
      command: CommandIDs.openVotes
    },
    {
      target: '#jp-main-dock-panel',
      title: trans.__('Every action is a command'),
      content: trans.__(
        'Open the command palette (%1) and type "Governance" to find every action. %2 opens this panel and %3 submits input. Start this tour again from the Help menu.',
        shortcut('apputils:activate-command-palette', 'Ctrl+Shift+C'),
        shortcut(CommandIDs.openPanel, trans.__('No shortcut')),
        shortcut(CommandIDs.submitInput, trans.__('No shortcut'))
      ),
      placement: 'center'
    }
  ];
}

/**
 * The step the tour moves to after a step callback: jupyterlab-tour passes react-joyride's
 * callback data, where "step:after" names the step just left and the button pressed.
 */
export function nextStepIndex(data: {
  type: string;
  index: number;
  action: string;
}): number | null {
  if (data.type === 'tour:start') {
    return 0;
  }
  if (data.type !== 'step:after') {
    return null;
  }
  return data.action === 'prev' ? data.index - 1 : data.index + 1;
}
