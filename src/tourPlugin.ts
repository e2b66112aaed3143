import {
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import {
  Dialog,
  ICommandPalette,
  Notification,
  showDialog
} from '@jupyterlab/apputils';
import { ConfigSection, ServerConnection } from '@jupyterlab/services';
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { IStateDB } from '@jupyterlab/statedb';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';
import { CommandRegistry } from '@lumino/commands';
import { ITourHandler, ITourManager } from 'jupyterlab-tour';

import { addGovernanceCommands } from './commands';
import {
  governanceTourSteps,
  nextStepIndex,
  TOUR_ID,
  TOUR_STATE_KEY
} from './tour';
import {
  CommandIDs,
  IGovernanceModel,
  PACKAGE,
  PLUGIN_ID,
  TRANSLATION_DOMAIN
} from './tokens';

/** On the body while the onboarding tour runs: other notifications wait (style/base.css). */
const TOURING_CLASS = 'jp-GovExt-touring';

/** jupyterlab-tour's own welcome tour, and the config section its manager keeps tours seen in. */
const WELCOME_TOUR_ID = 'jupyterlab-tour:welcome';
const TOUR_CONFIG_SECTION = 'jupyterlabtourplugin';

/**
 * Once a newcomer has been through our tour, jupyterlab-tour's "Try the Welcome Tour" offer should
 * not come back on every load: record it as seen where jupyterlab-tour's manager keeps that (its
 * server config section, the same entry its own "Don't show me again" writes). The Welcome Tour
 * itself stays in the Help menu.
 */
async function markWelcomeTourSeen(
  manager: ITourManager,
  serverSettings: ServerConnection.ISettings
): Promise<void> {
  // A tour is seen at a version: a later version of the Welcome Tour may offer itself again.
  const version = manager.tours.get(WELCOME_TOUR_ID)?.version ?? -1;
  try {
    const section = await ConfigSection.create({
      name: TOUR_CONFIG_SECTION,
      serverSettings
    });
    const seen = (section.data['state'] ?? []) as {
      id: string;
      version: number;
    }[];
    if (
      Array.isArray(seen) &&
      !seen.some(t => t.id === WELCOME_TOUR_ID && t.version === version)
    ) {
      await section.update({
        state: [
          ...seen.filter(t => t.id !== WELCOME_TOUR_ID),
          { id: WELCOME_TOUR_ID, version }
        ]
      });
    }
  } catch (error) {
    console.warn('Could not record the Welcome Tour as seen.', error);
  }
}

/**
 * On a first launch, jupyterlab-tour offers its own Welcome Tour ("Try the Welcome Tour.") a few
 * seconds after start: while ours runs, that offer is withdrawn (found by its message, as
 * jupyterlab-tour words it in the user's language), so a newcomer meets one tour at a time.
 */
function withdrawWelcomeOffer(
  manager: ITourManager,
  translator: ITranslator | null,
  forMs: number
): void {
  const label = manager.tours.get(WELCOME_TOUR_ID)?.label;
  if (!label) {
    return;
  }
  const message = (translator ?? nullTranslator)
    .load('jupyterlab_tour')
    .__('Try the %1.', label);
  const dismiss = (n: { id: string; message: string }) => {
    if (n.message === message) {
      Notification.manager.dismiss(n.id);
    }
  };
  Notification.manager.notifications.forEach(dismiss);
  const onChange = (
    _: unknown,
    change: { type: string; notification: { id: string; message: string } }
  ) => {
    if (change.type === 'added') {
      dismiss(change.notification);
    }
  };
  Notification.manager.changed.connect(onChange);
  window.setTimeout(
    () => Notification.manager.changed.disconnect(onChange),
    forMs
  );
}

/** Resolves once the model has read the repo's status (the tour's targets depend on it). */
function statusLoaded(model: IGovernanceModel): Promise<void> {
  return new Promise(resolve => {
    const check = () => {
      if ((model.status || model.error) && !model.loading) {
        model.changed.disconnect(check);
        resolve();
      }
    };
    model.changed.connect(check);
    check();
  });
}

/** The user's current shortcut for a command, as JupyterLab shows it ('' if none). */
function keysFor(commands: CommandRegistry, command: string): string {
  const binding = commands.keyBindings.find(b => b.command === command);
  return binding
    ? binding.keys.map(k => CommandRegistry.formatKeystroke(k)).join(', ')
    : '';
}

/**
 * The onboarding tour: registered with jupyterlab-tour's manager when that extension is present,
 * started by itself on a user's first launch (state DB key `TOUR_STATE_KEY`, setting
 * `autoStartTour`), and restartable with "Start Onboarding Tour" from the palette and Help menu.
 */
export const tourPlugin: JupyterFrontEndPlugin<void> = {
  id: `${PACKAGE}:tour`,
  description:
    'The Governance onboarding tour, shown with jupyterlab-tour when it is installed.',
  autoStart: true,
  requires: [IGovernanceModel],
  optional: [
    ITourManager,
    ITranslator,
    ICommandPalette,
    ISettingRegistry,
    IStateDB
  ],
  activate: (
    app: JupyterFrontEnd,
    model: IGovernanceModel,
    manager: ITourManager | null,
    translator: ITranslator | null,
    palette: ICommandPalette | null,
    settings: ISettingRegistry | null,
    state: IStateDB | null
  ): void => {
    const trans = (translator ?? nullTranslator).load(TRANSLATION_DOMAIN);
    const { commands } = app;
    let tour: ITourHandler | null = null;
    let steps = governanceTourSteps(trans, id => keysFor(commands, id));
    if (manager) {
      tour = manager.createTour({
        id: TOUR_ID,
        label: trans.__('Governance Tour'),
        // "Start Onboarding Tour" is the Help menu entry; the manager's own would repeat it.
        hasHelpEntry: false
      });
      // Put the panel in the state each step shows before the step looks for its target.
      tour.stepChanged.connect((_, data) => {
        const next = nextStepIndex(data);
        const step = next === null ? undefined : steps[next];
        for (const command of [step?.command, step?.prepare]) {
          if (command) {
            void commands.execute(command);
          }
        }
      });
      const remember = () => {
        document.body.classList.remove(TOURING_CLASS);
        void state?.save(TOUR_STATE_KEY, { done: true });
        if (manager) {
          void markWelcomeTourSeen(manager, app.serviceManager.serverSettings);
        }
      };
      tour.finished.connect(remember);
      tour.skipped.connect(remember);
    }

    const start = async () => {
      if (!manager || !tour) {
        await showDialog({
          title: trans.__('The onboarding tour is unavailable'),
          body: trans.__(
            'The tour needs the jupyterlab-tour extension, which is not installed or is disabled. Install it with "pip install jupyterlab-tour" or enable it with "jupyter labextension enable jupyterlab-tour", then reload JupyterLab. The Governance panel works without it.'
          ),
          buttons: [Dialog.okButton({ label: trans.__('OK') })]
        });
        return;
      }
      // Shortcuts may have changed since the last run: rebuild the steps that name them.
      steps = governanceTourSteps(trans, id => keysFor(commands, id));
      tour.steps = steps.map(({ target, title, content, placement }) => ({
        target,
        title,
        content,
        placement,
        // Show each step's text at once, not a beacon to click first.
        disableBeacon: true
      }));
      await commands.execute(CommandIDs.openPanel);
      await commands.execute(CommandIDs.browsePriorities);
      // Other offers (JupyterLab's news, jupyterlab-tour's welcome) wait until ours is done.
      document.body.classList.add(TOURING_CLASS);
      await manager.launch([TOUR_ID], true);
    };
    addGovernanceCommands(
      commands,
      {
        trans,
        model,
        show: () => void commands.execute(CommandIDs.openPanel),
        open: args =>
          void commands.execute(CommandIDs.openDocument, { ...args }),
        startTour: start
      },
      [CommandIDs.startTour],
      manager
        ? undefined
        : trans.__(
            'Unavailable: jupyterlab-tour is not installed or is disabled.'
          )
    );
    palette?.addItem({
      command: CommandIDs.startTour,
      category: trans.__('Governance')
    });

    if (!manager) {
      return;
    }
    // First launch: start by itself once the panel has data, unless the user has seen it or
    // switched it off.
    void Promise.all([
      app.restored,
      manager.ready,
      settings?.load(PLUGIN_ID),
      state?.fetch(TOUR_STATE_KEY),
      statusLoaded(model)
    ]).then(([, , loaded, seen]) => {
      const auto = loaded?.get('autoStartTour').composite ?? true;
      const done = !!(seen as { done?: boolean } | undefined)?.done;
      if (auto && !done && !manager.activeTour) {
        withdrawWelcomeOffer(manager, translator, 60_000);
        void start();
      }
    });
  }
};
