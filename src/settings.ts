import { ISettingRegistry } from '@jupyterlab/settingregistry';

import { GovernancePanel } from './panel';
import { IGovernanceModel, PLUGIN_ID, SectionId } from './tokens';

/**
 * Apply the user's settings (schema/plugin.json) to the panel and the refresh timer, now and on
 * every change: no reload needed. `defaultSection` applies at start, as its name says.
 */
export function followSettings(
  settings: ISettingRegistry,
  panel: GovernancePanel,
  model: IGovernanceModel
): void {
  let timer = 0;
  let fetchTimer = 0;
  const apply = (s: ISettingRegistry.ISettings) => {
    window.clearInterval(timer);
    window.clearInterval(fetchTimer);
    const fetchEvery = s.get('fetchInterval').composite as number;
    if (fetchEvery > 0) {
      void model.fetchRemote();
      fetchTimer = window.setInterval(
        () => void model.fetchRemote(),
        fetchEvery * 1000
      );
    }
    panel.pageSize = s.get('itemsToShow').composite as number;
    panel.confirmBallots = s.get('confirmBallots').composite as boolean;
    panel.update();
    const seconds = s.get('refreshInterval').composite as number;
    if (seconds > 0) {
      timer = window.setInterval(() => void model.refresh(), seconds * 1000);
    }
  };
  void settings.load(PLUGIN_ID).then(s => {
    panel.section = s.get('defaultSection').composite as SectionId;
    apply(s);
    s.changed.connect(apply);
  });
}
