import { ReactWidget, UseSignal } from '@jupyterlab/apputils';
import React from 'react';

import { GovernanceModel } from '../model';

/**
 * The content of a governance document in the main area: re-drawn from the model's `changed`
 * signal, with a label (the tab's title) that may follow the data, e.g. a proposal's title once
 * it is loaded after a reload.
 */
export class GovDocument extends ReactWidget {
  constructor(
    private readonly model: GovernanceModel,
    private readonly draw: () => JSX.Element,
    private readonly label: () => string
  ) {
    super();
    this.addClass('jp-GovExt-doc');
    this.model.changed.connect(this.retitle, this);
  }

  /** Set the tab's title from the data (the main-area widget shows this widget's title). */
  retitle(): void {
    const label = this.label();
    if (this.parent && this.parent.title.label !== label) {
      this.parent.title.label = label;
      this.parent.title.caption = label;
    }
  }

  render(): JSX.Element {
    return (
      <UseSignal signal={this.model.changed}>
        {() => <div className="jp-GovExt-docBody">{this.draw()}</div>}
      </UseSignal>
    );
  }

  dispose(): void {
    this.model.changed.disconnect(this.retitle, this);
    super.dispose();
  }
}
