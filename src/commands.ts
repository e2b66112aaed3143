import {
  ICommandPalette,
  InputDialog,
  Notification
} from '@jupyterlab/apputils';
import { ILauncher } from '@jupyterlab/launcher';
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
import { ReadonlyPartialJSONObject } from '@lumino/coreutils';

import { reportError } from './actions';
import { GovApiError } from './api/client';
import { IStatus } from './api/types';
import { IDocumentArgs, isDocumentArgs } from './documents/opener';
import { governanceIcon, syncIcon } from './icons';
import { CommandIDs, IGovernanceModel, SectionId } from './tokens';

/** What the commands' enablement depends on: a snapshot of the model, no DOM. */
export interface ICommandState {
  status: IStatus | null;
  loading: boolean;
  /** The proposal whose document is in front, if any. */
  currentProposal?: string | null;
}

/** What a command's body may use: the model, the panel's navigation, the documents, the tour. */
export interface ICommandContext {
  trans: TranslationBundle;
  model: IGovernanceModel;
  /** Show the Governance panel, at `section` if given. */
  show(section?: SectionId): void;
  /** Open (or focus) a document in the main area. */
  open(args: IDocumentArgs): void;
  /** Start the onboarding tour (the tour plugin provides it). */
  startTour?(): Promise<void>;
  /** The proposal whose document is in front, if any. */
  currentProposal?(): string | null;
  /** Write, open and run the notebook that recounts a proposal's vote. */
  audit?(id: string): Promise<void>;
}

/** A command: its text, icon, when it can run (and why not), and what it does. */
interface ICommandSpec {
  label(trans: TranslationBundle): string;
  caption(trans: TranslationBundle): string;
  icon: LabIcon;
  /** Default: always. */
  isEnabled?(state: ICommandState, args?: ReadonlyPartialJSONObject): boolean;
  /** Why it is disabled, beyond the repo not being read or initialised yet. */
  whyDisabled?(trans: TranslationBundle): string;
  execute(ctx: ICommandContext, args: ReadonlyPartialJSONObject): unknown;
  /** Not in the palette: it needs arguments only a list item or the restorer gives. */
  internal?: boolean;
}

/** Sync needs a branch that tracks a remote branch (the panel's Sync button asks the same). */
export function canSync(status: IStatus | null): boolean {
  return !!status?.remote.upstream;
}

const initialised = (s: ICommandState) => !!s.status?.initialised;

/** The proposal a command's args name (a button passes it; the palette does not). */
function auditTarget(args?: ReadonlyPartialJSONObject): string | undefined {
  return typeof args?.id === 'string' && args.id ? args.id : undefined;
}

/** A notification for a write that takes a moment: its message on success, the error if not. */
async function notify(work: () => Promise<string>): Promise<void> {
  try {
    Notification.success(await work(), { autoClose: 4000 });
  } catch (error) {
    reportError(error);
  }
}

/** Sync, and say what happened: pulled and pushed, or sent to the fork with a pull request link,
 * or why not, with the way forward (set up a fork) when the remote refused the push. */
async function syncAndTell(ctx: ICommandContext): Promise<void> {
  const { model, trans } = ctx;
  try {
    const r = await model.sync();
    if (r.fork) {
      const url = r.fork.pull_request_url;
      Notification.info(
        trans.__(
          'The remote refused your push (%1). Your %2 commit(s) are on your fork, branch %3, waiting for review.',
          r.fork.reason,
          r.outgoing.length,
          r.fork.branch
        ),
        {
          autoClose: false,
          actions: url
            ? [
                {
                  label: trans.__('Open pull request'),
                  callback: () => window.open(url, '_blank', 'noopener')
                }
              ]
            : []
        }
      );
      return;
    }
    Notification.success(
      r.pulled || r.pushed
        ? trans.__(
            'Governance repo synced. %1 commit(s) in, %2 out.',
            r.incoming.length,
            r.pushed ? r.outgoing.length : 0
          )
        : trans.__('Governance repo already up to date.'),
      { autoClose: 4000 }
    );
  } catch (error) {
    const message =
      error instanceof GovApiError ? error.message : String(error);
    const refused =
      error instanceof GovApiError && error.code === 'push_rejected';
    Notification.error(message, {
      autoClose: false,
      actions: refused
        ? [
            {
              label: trans.__('Set up a fork'),
              callback: () => void setUpFork(ctx)
            }
          ]
        : []
    });
  }
}

/** Ask for the user's fork once; then sync again, so refused commits become a pull request. */
async function setUpFork(ctx: ICommandContext): Promise<void> {
  const { model, trans } = ctx;
  const answer = await InputDialog.getText({
    title: trans.__('Set up your fork'),
    label: trans.__(
      'The git address of your fork of the governance repository (create it on GitHub with "Fork")'
    ),
    placeholder: 'https://github.com/you/governance.git',
    text: model.status?.remote.fork_url ?? '',
    okLabel: trans.__('Save and sync'),
    cancelLabel: trans.__('Cancel')
  });
  if (!answer.button.accept || !answer.value) {
    return;
  }
  const url = answer.value;
  try {
    await model.setFork(url);
  } catch (error) {
    Notification.error(
      error instanceof GovApiError ? error.message : String(error),
      { autoClose: false }
    );
    return;
  }
  await syncAndTell(ctx);
}

/** Every command, each in one place (CONTRACT.md §4 names their labels). */
const COMMANDS: Record<string, ICommandSpec> = {
  [CommandIDs.openPanel]: {
    label: t => t.__('Open Governance Panel'),
    caption: t => t.__('Show the Governance panel in the left sidebar'),
    icon: governanceIcon,
    execute: ctx => ctx.show()
  },
  [CommandIDs.browsePriorities]: {
    label: t => t.__('Browse Funding Priorities'),
    caption: t => t.__("Read the Foundation's funding priorities"),
    icon: listIcon,
    execute: ctx => ctx.show('priorities')
  },
  [CommandIDs.submitInput]: {
    label: t => t.__('Submit Community Input'),
    caption: t => t.__('Link a post you wrote about Jupyter governance'),
    icon: linkIcon,
    isEnabled: initialised,
    execute: ctx => ctx.open({ kind: 'input-form' })
  },
  [CommandIDs.openVotes]: {
    label: t => t.__('Open Vote Panel'),
    caption: t => t.__("See the council's proposals and cast ballots"),
    icon: checkIcon,
    execute: ctx => ctx.show('votes')
  },
  [CommandIDs.startTour]: {
    label: t => t.__('Start Onboarding Tour'),
    caption: t =>
      t.__(
        'A guided walk through funding priorities, community input and votes'
      ),
    icon: infoIcon,
    execute: ctx => ctx.startTour?.()
  },
  [CommandIDs.sync]: {
    label: t => t.__('Sync Governance Repo'),
    caption: t =>
      t.__('Pull from and push to the remote of the governance repo'),
    icon: syncIcon,
    // ... and no other request in flight.
    isEnabled: s => canSync(s.status) && !s.loading,
    whyDisabled: t =>
      t.__(
        'This branch tracks no remote branch, so there is nothing to sync with.'
      ),
    execute: syncAndTell
  },
  [CommandIDs.setFork]: {
    label: t => t.__('Set Up Fork for Pull Requests'),
    caption: t =>
      t.__(
        'Where your commits go when you may not push to the shared repo: your fork, for a pull request'
      ),
    icon: linkIcon,
    isEnabled: s => canSync(s.status),
    whyDisabled: t =>
      t.__('This branch tracks no remote branch: there is no shared repo yet.'),
    execute: setUpFork
  },
  [CommandIDs.refresh]: {
    label: t => t.__('Refresh Governance Data'),
    caption: t => t.__('Read the governance repo again'),
    icon: refreshIcon,
    isEnabled: s => !s.loading,
    execute: ctx => ctx.model.refresh()
  },
  [CommandIDs.draftProposal]: {
    label: t => t.__('Draft a Proposal'),
    caption: t =>
      t.__('Write a proposal for the council: it starts as a draft'),
    icon: checkIcon,
    isEnabled: initialised,
    execute: ctx => ctx.open({ kind: 'new-proposal' })
  },
  [CommandIDs.openParticipation]: {
    label: t => t.__('Show Vote Participation'),
    caption: t =>
      t.__("Each member's share of formal votes per year, against the rule"),
    icon: governanceIcon,
    isEnabled: initialised,
    execute: ctx => ctx.open({ kind: 'participation' })
  },
  [CommandIDs.openSynthesis]: {
    label: t => t.__('Open Synthesis Board'),
    caption: t =>
      t.__(
        'Group community input into strategic pillars and propose them for a vote'
      ),
    icon: listIcon,
    isEnabled: initialised,
    execute: ctx => ctx.open({ kind: 'synthesis' })
  },
  [CommandIDs.openEvidence]: {
    label: t => t.__('Show Growth and Decisions'),
    caption: t =>
      t.__(
        'Figures from the repo (contributors, inputs, decisions, participation) with their data, and every decided vote to audit'
      ),
    icon: governanceIcon,
    isEnabled: initialised,
    execute: ctx => ctx.open({ kind: 'evidence' })
  },
  [CommandIDs.auditDecision]: {
    label: t => t.__('Audit This Decision in a Notebook'),
    caption: t =>
      t.__(
        'Recount the vote of the proposal in front from its ballot files, in a notebook anyone can run again'
      ),
    icon: checkIcon,
    isEnabled: (s, args) =>
      initialised(s) && !!(auditTarget(args) ?? s.currentProposal),
    whyDisabled: t =>
      t.__('Open a proposal first: its vote is what is audited.'),
    execute: (ctx, args) => {
      const id = auditTarget(args) ?? ctx.currentProposal?.();
      return id ? ctx.audit?.(id) : undefined;
    }
  },
  [CommandIDs.importForum]: {
    label: t => t.__('Import Input from the Forum'),
    caption: t =>
      t.__(
        "Offer the links of a forum topic's posts as community input, for a council member to confirm"
      ),
    icon: downloadIcon,
    isEnabled: initialised,
    execute: ctx => ctx.open({ kind: 'forum-import' })
  },
  [CommandIDs.openDocument]: {
    label: t => t.__('Open Governance Document'),
    caption: t => t.__('Open a funding priority, a proposal or a form'),
    icon: governanceIcon,
    internal: true,
    execute: (ctx, args) => {
      if (isDocumentArgs(args)) {
        ctx.open(args);
      }
    }
  },
  [CommandIDs.initialise]: {
    label: t => t.__('Initialise Governance Repo'),
    caption: t =>
      t.__(
        'Add governance.yml, the folders and a README to the repo (one commit)'
      ),
    icon: downloadIcon,
    isEnabled: s => !!s.status && !s.status.initialised && !s.loading,
    whyDisabled: t => t.__('The governance repo is already initialised.'),
    execute: ({ model, trans }) =>
      notify(async () =>
        trans.__(
          'Governance files added (commit %1).',
          (await model.initialise()).slice(0, 7)
        )
      )
  },
  [CommandIDs.importPriorities]: {
    label: t => t.__('Import Funding Priorities'),
    caption: t =>
      t.__(
        'Read priorities from a MyST document such as doc/funding/priorities.md'
      ),
    icon: downloadIcon,
    isEnabled: initialised,
    execute: async ({ model, trans, show }) => {
      const answer = await InputDialog.getText({
        title: trans.__('Import funding priorities'),
        label: trans.__(
          'Path of the priorities document (relative to the folder that holds the governance repo)'
        ),
        placeholder:
          'jupyter-foundation-governing-board/doc/funding/priorities.md',
        okLabel: trans.__('Import'),
        cancelLabel: trans.__('Cancel')
      });
      if (!answer.button.accept || !answer.value) {
        return;
      }
      const path = answer.value;
      await notify(async () => {
        const r = await model.importPriorities(path);
        return r.commit
          ? trans.__(
              'Imported priorities: %1 added, %2 updated, %3 unchanged.',
              r.added.length,
              r.updated.length,
              r.unchanged.length
            )
          : trans.__('The priorities are already up to date.');
      });
      show('priorities');
    }
  }
};

/** Whether a command can run now (with these args). */
export function commandEnabled(
  id: string,
  state: ICommandState,
  args?: ReadonlyPartialJSONObject
): boolean {
  return COMMANDS[id]?.isEnabled?.(state, args) ?? true;
}

/** Why a disabled command cannot run, for its caption (empty when it can). */
export function whyDisabled(
  id: string,
  state: ICommandState,
  trans: TranslationBundle,
  args?: ReadonlyPartialJSONObject
): string {
  if (commandEnabled(id, state, args)) {
    return '';
  }
  if (
    !state.status?.initialised &&
    !state.loading &&
    id !== CommandIDs.initialise
  ) {
    return trans.__('Initialise the governance repo first.');
  }
  if (state.loading) {
    return trans.__('Wait: the governance repo is being read.');
  }
  return COMMANDS[id]?.whyDisabled?.(trans) ?? '';
}

/** A command's label, caption and icon: the parts every command must have. */
export interface ICommandText {
  label: string;
  caption: string;
  icon: LabIcon;
}

/** Every command's translated text. */
export function commandTexts(
  trans: TranslationBundle
): Record<string, ICommandText> {
  return Object.fromEntries(
    Object.entries(COMMANDS).map(([id, spec]) => [
      id,
      {
        label: spec.label(trans),
        caption: spec.caption(trans),
        icon: spec.icon
      }
    ])
  );
}

/**
 * Add one command with its text and enablement from its spec, and a caption that says why it is
 * disabled when it is.
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
    caption: args =>
      [
        text.caption,
        options.note ?? '',
        whyDisabled(id, options.state(), options.trans, args)
      ]
        .filter(Boolean)
        .join(' · '),
    icon: text.icon,
    isEnabled: args => commandEnabled(id, options.state(), args),
    execute: options.execute
  });
}

/** Add the commands `ids` (default: all but the tour's, which its own plugin adds). */
export function addGovernanceCommands(
  commands: CommandRegistry,
  ctx: ICommandContext,
  ids: string[] = Object.keys(COMMANDS).filter(
    id => id !== CommandIDs.startTour
  ),
  note?: string
): void {
  for (const id of ids) {
    addGovernanceCommand(commands, id, {
      trans: ctx.trans,
      state: () => ({
        status: ctx.model.status,
        loading: ctx.model.loading,
        currentProposal: ctx.currentProposal?.() ?? null
      }),
      execute: args => COMMANDS[id].execute(ctx, args),
      note
    });
  }
}

/** The palette lists every command (disabled ones too, with the reason in their caption); the
 * launcher, where a newcomer looks for "what can I do here", the main ones. */
export function addToPaletteAndLauncher(
  trans: TranslationBundle,
  palette: ICommandPalette | null,
  launcher: ILauncher | null
): void {
  const category = trans.__('Governance');
  for (const [command, spec] of Object.entries(COMMANDS)) {
    if (command !== CommandIDs.startTour && !spec.internal) {
      palette?.addItem({ command, category });
    }
  }
  // The first item's icon (the ballot box) heads the launcher's Governance section.
  [
    CommandIDs.openPanel,
    CommandIDs.submitInput,
    CommandIDs.browsePriorities,
    CommandIDs.openVotes
  ].forEach((command, rank) => launcher?.add({ command, category, rank }));
}
