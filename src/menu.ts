import { TranslationBundle } from '@jupyterlab/translation';
import { CommandRegistry } from '@lumino/commands';
import { Menu } from '@lumino/widgets';

import { CommandIDs } from './tokens';

/**
 * The panel's "…" menu: the actions a contributor rarely needs (and the admin ones: import
 * priorities, initialise, the fork), kept out of the way of the lists. The same commands are in
 * the palette and the panel's context menu.
 */
export function moreMenu(
  commands: CommandRegistry,
  trans: TranslationBundle
): Menu {
  const menu = new Menu({ commands });
  menu.title.label = trans.__('More actions');
  menu.addClass('jp-GovExt-moreMenu');
  for (const command of [
    CommandIDs.draftProposal,
    CommandIDs.openSynthesis,
    CommandIDs.openParticipation,
    CommandIDs.openEvidence,
    CommandIDs.refresh,
    CommandIDs.startTour
  ]) {
    menu.addItem({ command });
  }
  menu.addItem({ type: 'separator' });
  for (const command of [
    CommandIDs.importPriorities,
    CommandIDs.importForum,
    CommandIDs.setFork,
    CommandIDs.initialise
  ]) {
    menu.addItem({ command });
  }
  return menu;
}
