import {
  ILayoutRestorer,
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import {
  ICommandPalette,
  InputDialog,
  Notification
} from '@jupyterlab/apputils';
import { ILauncher } from '@jupyterlab/launcher';
import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { IStateDB } from '@jupyterlab/statedb';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';

import { GovApiError, GovernanceClient } from './api/client';
import { addGovernanceCommand } from './commands';
import { SectionId } from './components/GovernanceView';
import { GovernanceModel } from './model';
import { GovernancePanel } from './panel';
import { tourPlugin } from './tourPlugin';
import {
  CommandIDs,
  IGovernanceModel,
  PLUGIN_ID,
  TRANSLATION_DOMAIN
} from './tokens';

/** The Governance panel, its model and its commands. */
const plugin: JupyterFrontEndPlugin<GovernanceModel> = {
  id: PLUGIN_ID,
  description:
    "Project Jupyter's governance work: funding priorities, community input and council votes.",
  autoStart: true,
  provides: IGovernanceModel,
  optional: [
    ITranslator,
    ILayoutRestorer,
    ICommandPalette,
    IRenderMimeRegistry,
    IStateDB,
    ISettingRegistry,
    ILauncher
  ],
  activate: (
    app: JupyterFrontEnd,
    translator: ITranslator | null,
    restorer: ILayoutRestorer | null,
    palette: ICommandPalette | null,
    rendermime: IRenderMimeRegistry | null,
    state: IStateDB | null,
    settings: ISettingRegistry | null,
    launcher: ILauncher | null
  ): GovernanceModel => {
    const trans = (translator ?? nullTranslator).load(TRANSLATION_DOMAIN);
    const model = new GovernanceModel(
      new GovernanceClient(app.serviceManager.serverSettings)
    );
    const panel = new GovernancePanel(model, trans, rendermime, state);
    panel.title.label = trans.__('Governance');
    app.shell.add(panel, 'left', { rank: 600 });
    restorer?.add(panel, 'jupyter-gov-ext-panel');

    const show = (section?: SectionId) => {
      if (section) {
        panel.section = section;
      }
      app.shell.activateById(panel.id);
    };
    const run = async (work: () => Promise<string>) => {
      try {
        Notification.success(await work(), { autoClose: 4000 });
      } catch (error) {
        const message =
          error instanceof GovApiError ? error.message : String(error);
        Notification.error(message, { autoClose: false });
      }
    };

    const { commands } = app;
    const add = (id: string, execute: () => unknown) =>
      addGovernanceCommand(commands, id, {
        trans,
        state: () => ({ status: model.status, loading: model.loading }),
        execute
      });
    add(CommandIDs.openPanel, () => show());
    add(CommandIDs.browsePriorities, () => show('priorities'));
    add(CommandIDs.submitInput, () => {
      panel.showInputForm();
      show();
    });
    add(CommandIDs.openVotes, () => show('votes'));
    add(CommandIDs.sync, () =>
      run(async () => {
        const r = await model.sync();
        return r.pulled || r.pushed
          ? trans.__('Governance repo synced.')
          : trans.__('Governance repo already up to date.');
      })
    );
    add(CommandIDs.refresh, () => model.refresh());
    add(CommandIDs.importPriorities, async () => {
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
      await run(async () => {
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
    });
    const category = trans.__('Governance');
    for (const command of [
      CommandIDs.openPanel,
      CommandIDs.browsePriorities,
      CommandIDs.submitInput,
      CommandIDs.openVotes,
      CommandIDs.sync,
      CommandIDs.refresh,
      CommandIDs.importPriorities
    ]) {
      palette?.addItem({ command, category });
    }
    // The launcher is where a newcomer looks for "what can I do here".
    // The first item's icon (the ballot box) heads the launcher's Governance section.
    [
      CommandIDs.openPanel,
      CommandIDs.submitInput,
      CommandIDs.browsePriorities,
      CommandIDs.openVotes
    ].forEach((command, rank) => launcher?.add({ command, category, rank }));
    model.changed.connect(() => commands.notifyCommandChanged());
    panel.onSync = () => void commands.execute(CommandIDs.sync);
    panel.onImport = () => void commands.execute(CommandIDs.importPriorities);

    let timer = 0;
    const applySettings = (s: ISettingRegistry.ISettings) => {
      window.clearInterval(timer);
      panel.pageSize = s.get('itemsToShow').composite as number;
      panel.confirmBallots = s.get('confirmBallots').composite as boolean;
      panel.update();
      const seconds = s.get('refreshInterval').composite as number;
      if (seconds > 0) {
        timer = window.setInterval(() => void model.refresh(), seconds * 1000);
      }
    };
    if (settings) {
      void settings.load(PLUGIN_ID).then(s => {
        panel.section = s.get('defaultSection').composite as SectionId;
        applySettings(s);
        s.changed.connect(applySettings);
      });
    }
    void model.refresh();
    return model;
  }
};

export default [plugin, tourPlugin];
