import { JupyterFrontEnd } from '@jupyterlab/application';
import { CommandRegistry } from '@lumino/commands';
import { act, waitFor } from '@testing-library/react';

import { GovernanceClient } from '../api/client';
import { GovernanceModel } from '../model';
import { CommandIDs } from '../tokens';
import { tourPlugin } from '../tourPlugin';

describe('the tour plugin without jupyterlab-tour', () => {
  it('still adds "Start Onboarding Tour", which explains why there is no tour', async () => {
    const app = {
      commands: new CommandRegistry(),
      restored: Promise.resolve()
    } as unknown as JupyterFrontEnd;
    const model = new GovernanceModel(new GovernanceClient());
    // jupyterlab-tour's manager is an optional token: null when it is missing or disabled.
    tourPlugin.activate(app, model, null, null, null, null, null);

    expect(app.commands.label(CommandIDs.startTour)).toBe(
      'Start Onboarding Tour'
    );
    expect(app.commands.isEnabled(CommandIDs.startTour)).toBe(true);
    expect(app.commands.caption(CommandIDs.startTour)).toContain(
      'jupyterlab-tour is not installed or is disabled'
    );
    const done = app.commands.execute(CommandIDs.startTour);
    const dialog = await waitFor(() => {
      const node = document.querySelector('.jp-Dialog');
      expect(node).not.toBeNull();
      return node as HTMLElement;
    });
    expect(dialog.textContent).toContain('The onboarding tour is unavailable');
    expect(dialog.textContent).toContain('pip install jupyterlab-tour');
    await act(async () => {
      (dialog.querySelector('.jp-mod-accept') as HTMLButtonElement).click();
      await done;
    });
    await waitFor(() =>
      expect(document.querySelector('.jp-Dialog')).toBeNull()
    );
  });
});
