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
import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { IStateDB } from '@jupyterlab/statedb';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';

import { GovApiError, GovernanceClient } from './api/client';
import { SectionId } from './components/GovernanceView';
import { governanceIcon } from './icons';
import { GovernanceModel } from './model';
import { GovernancePanel } from './panel';
import {
  CommandIDs,
  IGovernanceModel,
  PLUGIN_ID,
  TRANSLATION_DOMAIN
} from './tokens';

const CATEGORY = 'Governance';

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
    ISettingRegistry
  ],
  activate: (
    app: JupyterFrontEnd,
    translator: ITranslator | null,
    restorer: ILayoutRestorer | null,
    palette: ICommandPalette | null,
    rendermime: IRenderMimeRegistry | null,
    state: IStateDB | null,
    settings: ISettingRegistry | null
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
    commands.addCommand(CommandIDs.openPanel, {
      label: trans.__('Open Governance Panel'),
      caption: trans.__('Show the Governance panel in the left sidebar'),
      icon: governanceIcon,
      execute: () => show()
    });
    commands.addCommand(CommandIDs.browsePriorities, {
      label: trans.__('Browse Funding Priorities'),
      caption: trans.__("Read the Foundation's funding priorities"),
      execute: () => show('priorities')
    });
    commands.addCommand(CommandIDs.submitInput, {
      label: trans.__('Submit Community Input'),
      caption: trans.__('Link a post you wrote about Jupyter governance'),
      isEnabled: () => !!model.status?.initialised,
      execute: () => {
        panel.showInputForm();
        show();
      }
    });
    commands.addCommand(CommandIDs.openVotes, {
      label: trans.__('Open Vote Panel'),
      caption: trans.__("See the council's proposals and cast ballots"),
      execute: () => show('votes')
    });
    commands.addCommand(CommandIDs.sync, {
      label: trans.__('Sync Governance Repo'),
      caption: trans.__(
        'Pull from and push to the remote of the governance repo'
      ),
      isEnabled: () => model.canSync,
      execute: () =>
        run(async () => {
          const r = await model.sync();
          return r.pulled || r.pushed
            ? trans.__('Governance repo synced.')
            : trans.__('Governance repo already up to date.');
        })
    });
    commands.addCommand(CommandIDs.refresh, {
      label: trans.__('Refresh Governance Data'),
      caption: trans.__('Read the governance repo again'),
      execute: () => model.refresh()
    });
    commands.addCommand(CommandIDs.importPriorities, {
      label: trans.__('Import Funding Priorities'),
      caption: trans.__(
        'Read priorities from a MyST document such as doc/funding/priorities.md'
      ),
      isEnabled: () => !!model.status?.initialised,
      execute: async () => {
        const answer = await InputDialog.getText({
          title: trans.__('Import funding priorities'),
          label: trans.__(
            'Path of the priorities document (relative to the folder that holds the governance repo)'
          ),
          placeholder:
            'jupyter-foundation-governing-board/doc/funding/priorities.md',
          okLabel: trans.__('Import')
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
      }
    });
    for (const command of [
      CommandIDs.importPriorities,
      CommandIDs.openPanel,
      CommandIDs.browsePriorities,
      CommandIDs.submitInput,
      CommandIDs.openVotes,
      CommandIDs.sync,
      CommandIDs.refresh
    ]) {
      palette?.addItem({ command, category: trans.__(CATEGORY) });
    }
    model.changed.connect(() => commands.notifyCommandChanged());
    panel.onSync = () => void commands.execute(CommandIDs.sync);
    panel.onImport = () => void commands.execute(CommandIDs.importPriorities);

    let timer = 0;
    const applySettings = (s: ISettingRegistry.ISettings) => {
      window.clearInterval(timer);
      panel.pageSize = s.get('itemsToShow').composite as number;
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

export default plugin;
