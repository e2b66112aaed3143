import { Notification, ReactWidget, UseSignal } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';
import React from 'react';

import { castBallot, reportError } from './actions';
import { canSync } from './commands';
import { IBallotRequest, IProposal } from './api/types';
import { GovernanceView } from './components/GovernanceView';
import { IDocumentArgs } from './documents/opener';
import { SectionId } from './tokens';
import { governanceIcon } from './icons';
import { GovernanceModel } from './model';
import { IInputFilter } from './threads';

/** What the panel asks of the rest of the extension: documents, the "…" menu, sync. */
export interface IPanelActions {
  open(args: IDocumentArgs): void;
  more(x: number, y: number): void;
  sync(): void;
}

/**
 * The left-area "Governance" panel: navigation. It holds the view state (section, filters) and
 * re-renders from the model's `changed` signal; reading and writing happen in main-area documents.
 */
export class GovernancePanel extends ReactWidget {
  constructor(
    readonly model: GovernanceModel,
    private readonly trans: TranslationBundle,
    private readonly actions: IPanelActions
  ) {
    super();
    this.id = 'jupyter-gov-ext-panel';
    this.addClass('jp-GovExt-panel');
    this.title.icon = governanceIcon;
    this.title.caption = trans.__('Governance');
    this.node.setAttribute('aria-label', trans.__('Governance'));
    model.changed.connect(this.showWaiting, this);
  }

  get section(): SectionId {
    return this._section;
  }

  set section(s: SectionId) {
    this._section = s;
    this.update();
  }

  /** Show the community input of one funding priority. */
  showInputsOf(priority: string): void {
    this._filter = { topic: '', query: '', priority };
    this.section = 'inputs';
  }

  render(): JSX.Element {
    return (
      <UseSignal signal={this.model.changed}>
        {() => (
          <GovernanceView
            model={this.model}
            trans={this.trans}
            section={this._section}
            onSection={s => (this.section = s)}
            filter={this._filter}
            onFilter={f => {
              this._filter = f;
              this.update();
            }}
            onCast={(p, b) => this.cast(p, b)}
            onInitialise={() => this.initialise()}
            pageSize={this.pageSize}
            onRefresh={() => void this.model.refresh()}
            onOpen={args => this.actions.open(args)}
            onMore={(x, y) => this.actions.more(x, y)}
            onSync={
              canSync(this.model.status) ? () => this.actions.sync() : undefined
            }
          />
        )}
      </UseSignal>
    );
  }

  /** The sidebar tab's badge: how many open votes wait for this user's ballot. */
  private showWaiting(): void {
    const waiting = this.model.waitingForMe;
    if (String(waiting) === (this.title.dataset['gov-waiting'] ?? '0')) {
      return;
    }
    // The shell keeps its own keys here (data-id): change only ours.
    const { ['gov-waiting']: _, ...others } = this.title.dataset;
    void _;
    this.title.dataset = waiting
      ? { ...others, 'gov-waiting': String(waiting) }
      : others;
    this.title.caption = waiting
      ? this.trans._n(
          'Governance: %1 vote waits for your ballot',
          'Governance: %1 votes wait for your ballot',
          waiting
        )
      : this.trans.__('Governance');
  }

  private cast(p: IProposal, b: IBallotRequest): Promise<void> {
    return castBallot(this.model, this.trans, p, b, this.confirmBallots);
  }

  private async initialise(): Promise<void> {
    try {
      const commit = await this.model.initialise();
      Notification.success(
        this.trans.__(
          'Governance files added (commit %1).',
          commit.slice(0, 7)
        ),
        { autoClose: 5000 }
      );
    } catch (error) {
      reportError(error);
    }
  }

  /** Threads shown at first and per "Show more" (setting `itemsToShow`). */
  pageSize = 100;

  /** Ask before a ballot is committed (setting `confirmBallots`). */
  confirmBallots = true;

  private _section: SectionId = 'priorities';
  private _filter: IInputFilter = { topic: '', priority: '', query: '' };
}
