/**
 * What other extensions (and this one's plugins) may rely on: ids, the command ids, and the
 * interface of the governance model. Interfaces only: no class is imported from here.
 */
import { Token } from '@lumino/coreutils';
import { ISignal } from '@lumino/signaling';

import {
  IImportReport,
  IInput,
  IPriority,
  IProposal,
  IStatus,
  ISyncResult
} from './api/types';

/** The npm package name: the plugin ids, the settings schema and the translation domain use it. */
export const PACKAGE = 'jupyter-gov-ext';
export const PLUGIN_ID = `${PACKAGE}:plugin`;
export const TRANSLATION_DOMAIN = 'jupyter_gov_ext';

/** The panel's three sections. */
export type SectionId = 'priorities' | 'inputs' | 'votes';

/** The governance state as read from the server, and the actions that change it. */
export interface IGovernanceModel {
  /** The repo's status; null until the first refresh answered. */
  readonly status: IStatus | null;
  readonly priorities: IPriority[];
  readonly inputs: IInput[];
  readonly proposals: IProposal[];
  /** Whether a refresh is running. */
  readonly loading: boolean;
  /** The last refresh's failure, if it failed. */
  readonly error: Error | null;
  /** Emitted whenever any of the above changed. */
  readonly changed: ISignal<IGovernanceModel, void>;
  /** Re-read everything from the server. */
  refresh(): Promise<void>;
  /** Pull from and push to the repo's remote (a refused push goes to the fork, if set). */
  sync(): Promise<ISyncResult>;
  /** Fetch the remotes so that ahead / behind are true; never pushes. */
  fetchRemote(): Promise<void>;
  /** Set the fork that refused pushes go to. */
  setFork(url: string): Promise<void>;
  /** Add the governance files to a repo that has none (one commit); returns the commit. */
  initialise(): Promise<string>;
  /** Import funding priorities from a MyST document beside the repo. */
  importPriorities(path: string): Promise<IImportReport>;
}

/** Other extensions can require the model to read governance state. */
export const IGovernanceModel = new Token<IGovernanceModel>(
  `${PACKAGE}:IGovernanceModel`,
  'The governance state: status, funding priorities, community input, proposals.'
);

/** Every command id, in one place. */
export namespace CommandIDs {
  export const openPanel = 'jupyter-gov-ext:open-panel';
  export const browsePriorities = 'jupyter-gov-ext:browse-priorities';
  export const submitInput = 'jupyter-gov-ext:submit-input';
  export const openVotes = 'jupyter-gov-ext:open-votes';
  export const startTour = 'jupyter-gov-ext:start-tour';
  export const sync = 'jupyter-gov-ext:sync';
  export const refresh = 'jupyter-gov-ext:refresh';
  export const importPriorities = 'jupyter-gov-ext:import-priorities';
  export const setFork = 'jupyter-gov-ext:set-fork';
  export const initialise = 'jupyter-gov-ext:init';
  export const draftProposal = 'jupyter-gov-ext:draft-proposal';
  export const openParticipation = 'jupyter-gov-ext:open-participation';
  export const openSynthesis = 'jupyter-gov-ext:open-synthesis';
  export const openEvidence = 'jupyter-gov-ext:open-evidence';
  export const auditDecision = 'jupyter-gov-ext:audit-decision';
  export const importForum = 'jupyter-gov-ext:import-forum';
  /** Open a governance document (args: kind, id): what the sidebar and the restorer use. */
  export const openDocument = 'jupyter-gov-ext:open-document';
}
