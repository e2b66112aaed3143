import { Token } from '@lumino/coreutils';

import { GovernanceModel } from './model';

/** The npm package name: the plugin ids, the settings schema and the translation domain use it. */
export const PACKAGE = 'jupyter-gov-ext';
export const PLUGIN_ID = `${PACKAGE}:plugin`;
export const TRANSLATION_DOMAIN = 'jupyter_gov_ext';

/** Other extensions can require the model to read governance state. */
export const IGovernanceModel = new Token<GovernanceModel>(
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
}
