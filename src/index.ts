import {
  ILayoutRestorer,
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { ICommandPalette } from '@jupyterlab/apputils';
import { ILauncher } from '@jupyterlab/launcher';
import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { IStateDB } from '@jupyterlab/statedb';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';

import { auditInNotebook, growthInNotebook } from './actions';
import { GovernanceClient } from './api/client';
import {
  addGovernanceCommands,
  addToPaletteAndLauncher,
  ICommandContext
} from './commands';
import { documentKey, GovDocuments } from './documents/opener';
import { moreMenu } from './menu';
import { GovernanceModel } from './model';
import { GovernancePanel } from './panel';
import { followSettings } from './settings';
import {
  CommandIDs,
  IGovernanceModel,
  PLUGIN_ID,
  SectionId,
  TRANSLATION_DOMAIN
} from './tokens';
import { tourPlugin } from './tourPlugin';

/** The Governance panel, its model and its commands. */
const plugin: JupyterFrontEndPlugin<IGovernanceModel> = {
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
  ): IGovernanceModel => {
    const trans = (translator ?? nullTranslator).load(TRANSLATION_DOMAIN);
    const model = new GovernanceModel(
      new GovernanceClient(app.serviceManager.serverSettings)
    );
    const { commands } = app;
    const more = moreMenu(commands, trans);
    const panel = new GovernancePanel(model, trans, {
      open: args => void commands.execute(CommandIDs.openDocument, { ...args }),
      more: (x, y) => more.open(x, y),
      sync: () => void commands.execute(CommandIDs.sync)
    });
    panel.title.label = trans.__('Governance');
    app.shell.add(panel, 'left', { rank: 600 });
    restorer?.add(panel, 'jupyter-gov-ext-panel');

    const show = (section?: SectionId) => {
      if (section) {
        panel.section = section;
      }
      app.shell.activateById(panel.id);
    };
    const documents = new GovDocuments({
      app,
      model,
      trans,
      rendermime,
      state,
      confirmBallots: () => panel.confirmBallots,
      audit: id => auditInNotebook(app, model, trans, id),
      growthNotebook: () => growthInNotebook(app, model, trans),
      show: (section, priority) => {
        if (priority) {
          panel.showInputsOf(priority);
        }
        show(section);
      }
    });
    void restorer?.restore(documents.tracker, {
      command: CommandIDs.openDocument,
      args: widget => ({ ...documents.argsOf(widget) }),
      name: widget => documentKey(documents.argsOf(widget))
    });

    const ctx: ICommandContext = {
      trans,
      model,
      show,
      open: args => void documents.open(args),
      currentProposal: () => documents.currentProposal,
      audit: id => auditInNotebook(app, model, trans, id)
    };
    addGovernanceCommands(commands, ctx);
    addToPaletteAndLauncher(trans, palette, launcher);
    model.changed.connect(() => commands.notifyCommandChanged());
    // "Audit this decision" follows the document in front.
    documents.tracker.currentChanged.connect(() =>
      commands.notifyCommandChanged(CommandIDs.auditDecision)
    );
    if (settings) {
      followSettings(settings, panel, model);
    }
    void model.refresh();
    return model;
  }
};

export default [plugin, tourPlugin];
