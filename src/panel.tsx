import {
  Dialog,
  Notification,
  ReactWidget,
  showDialog,
  UseSignal
} from '@jupyterlab/apputils';
import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import { IStateDB } from '@jupyterlab/statedb';
import { TranslationBundle } from '@jupyterlab/translation';
import { ReadonlyJSONObject } from '@lumino/coreutils';
import React from 'react';

import { GovApiError } from './api/client';
import { canSync } from './commands';
import { InputDraft } from './api/derived';
import { IBallotRequest, IProposal } from './api/types';
import { GovernanceView } from './components/GovernanceView';
import { SectionId } from './tokens';
import { governanceIcon } from './icons';
import { GovernanceModel } from './model';
import { IInputFilter } from './threads';
import { emptyDraft } from './validation';

const DRAFT_KEY = 'jupyter-gov-ext:input-draft';

/**
 * The left-area "Governance" panel. Holds the view state (section, filters, the half-filled form,
 * kept in the state DB across reloads) and re-renders from the model's `changed` signal.
 */
export class GovernancePanel extends ReactWidget {
  constructor(
    readonly model: GovernanceModel,
    private readonly trans: TranslationBundle,
    private readonly rendermime: IRenderMimeRegistry | null,
    private readonly state: IStateDB | null
  ) {
    super();
    this.id = 'jupyter-gov-ext-panel';
    this.addClass('jp-GovExt-panel');
    this.title.icon = governanceIcon;
    this.title.caption = trans.__('Governance');
    this.node.setAttribute('aria-label', trans.__('Governance'));
    void this.restoreDraft();
  }

  get section(): SectionId {
    return this._section;
  }

  set section(s: SectionId) {
    this._section = s;
    this.update();
  }

  /** Open the input form and focus its first field (the "Submit Community Input" command). */
  showInputForm(): void {
    this._section = 'inputs';
    this._showForm = true;
    this._focusForm += 1;
    this.update();
  }

  render(): JSX.Element {
    return (
      <UseSignal signal={this.model.changed}>
        {() => (
          <GovernanceView
            model={this.model}
            trans={this.trans}
            rendermime={this.rendermime}
            section={this._section}
            onSection={s => (this.section = s)}
            filter={this._filter}
            onFilter={f => {
              this._filter = f;
              this.update();
            }}
            draft={this._draft}
            onDraft={d => this.setDraft(d)}
            showForm={this._showForm}
            focusForm={this._focusForm}
            onShowForm={show => {
              this._showForm = show;
              this.update();
            }}
            onSubmit={d => this.submit(d)}
            onCast={(p, b) => this.cast(p, b)}
            onInitialise={() => this.initialise()}
            pageSize={this.pageSize}
            onRefresh={() => void this.model.refresh()}
            onImport={this.onImport}
            onSync={
              canSync(this.model.status) ? () => this.onSync() : undefined
            }
          />
        )}
      </UseSignal>
    );
  }

  private setDraft(d: InputDraft): void {
    this._draft = d;
    this.update();
    void this.state?.save(DRAFT_KEY, d as unknown as ReadonlyJSONObject);
  }

  private async restoreDraft(): Promise<void> {
    const saved = (await this.state?.fetch(DRAFT_KEY)) as
      InputDraft | undefined;
    if (saved && typeof saved === 'object' && 'title' in saved) {
      this._draft = { ...emptyDraft(), ...saved };
      this._showForm = !!(saved.title || saved.url);
      this.update();
    }
  }

  private async submit(d: InputDraft): Promise<void> {
    const { input, commit } = await this.model.submitInput(d);
    Notification.success(
      this.trans.__('Added "%1" (commit %2).', input.title, commit.slice(0, 7)),
      { autoClose: 5000 }
    );
    this._showForm = false;
    this.setDraft(emptyDraft());
  }

  private async cast(p: IProposal, b: IBallotRequest): Promise<void> {
    const choice = b.value
      ? {
          yes: this.trans.__('Yes'),
          no: this.trans.__('No'),
          blank: this.trans.__('Blank')
        }[b.value]
      : (b.ranking ?? []).join(' > ');
    if (!this.confirmBallots) {
      return this.castConfirmed(p, b, choice);
    }
    const answer = await showDialog({
      title: this.trans.__('Cast your ballot'),
      body: this.trans.__(
        'Vote "%1" on "%2"? You can change it until the vote closes; ballots are public.',
        choice,
        p.title
      ),
      buttons: [
        Dialog.cancelButton({ label: this.trans.__('Cancel') }),
        Dialog.okButton({ label: this.trans.__('Confirm') })
      ]
    });
    if (!answer.button.accept) {
      return;
    }
    await this.castConfirmed(p, b, choice);
  }

  private async castConfirmed(
    p: IProposal,
    b: IBallotRequest,
    choice: string
  ): Promise<void> {
    try {
      const { commit } = await this.model.castBallot(p.id, b);
      Notification.success(
        this.trans.__(
          'Your ballot "%1" on "%2" is recorded (commit %3).',
          choice,
          p.title,
          commit.slice(0, 7)
        ),
        { autoClose: 5000 }
      );
    } catch (error) {
      this.reportError(error);
    }
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
      this.reportError(error);
    }
  }

  private reportError(error: unknown): void {
    const message =
      error instanceof GovApiError ? error.message : String(error);
    Notification.error(message, { autoClose: false });
  }

  /** What the Sync button does (the plugin points it at the sync command). */
  onSync: () => void = () => void this.model.sync();

  /** What the Import button does (the plugin points it at the import command). */
  onImport?: () => void;

  /** Threads shown at first and per "Show more" (setting `itemsToShow`). */
  pageSize = 100;

  /** Ask before a ballot is committed (setting `confirmBallots`). */
  confirmBallots = true;

  private _section: SectionId = 'priorities';
  private _filter: IInputFilter = { topic: '', priority: '', query: '' };
  private _draft: InputDraft = emptyDraft();
  private _showForm = false;
  /** Bumped each time the command opens the form, so the form moves focus to its first field. */
  private _focusForm = 0;
}
