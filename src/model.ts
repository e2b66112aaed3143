import { ISignal, Signal } from '@lumino/signaling';

import { GovApiError, GovernanceClient } from './api/client';
import { InputDraft } from './api/derived';
import {
  IBallotRequest,
  IImportReport,
  IInput,
  IPriority,
  IProposal,
  IProposalDetail,
  IStatus,
  ISyncResult
} from './api/types';
import { IGovernanceModel } from './tokens';

/**
 * GovernanceModel: the panel's state (status, priorities, inputs, proposals) and the signals that
 * announce its changes. No DOM and no React: views subscribe, commands call it.
 */
export class GovernanceModel implements IGovernanceModel {
  constructor(readonly client: GovernanceClient = new GovernanceClient()) {}

  get status(): IStatus | null {
    return this._status;
  }
  get priorities(): IPriority[] {
    return this._priorities;
  }
  get inputs(): IInput[] {
    return this._inputs;
  }
  get proposals(): IProposal[] {
    return this._proposals;
  }
  /** The last refresh's failure, shown instead of the data it could not load. */
  get error(): GovApiError | null {
    return this._error;
  }
  get loading(): boolean {
    return this._loading;
  }
  get changed(): ISignal<IGovernanceModel, void> {
    return this._changed;
  }

  /** Re-read everything from the server (after a write, a sync, or on the refresh command). */
  async refresh(): Promise<void> {
    this._loading = true;
    this._changed.emit();
    try {
      const status = await this.client.status();
      this._status = status;
      if (
        status.initialised &&
        status.problems.every(p => p.path !== 'governance.yml')
      ) {
        // Each section is drawn as soon as its own answer arrives (an unchanged one is a 304).
        await Promise.all([
          this.client.priorities().then(priorities => {
            this._priorities = priorities;
            this._changed.emit();
          }),
          this.client.inputs().then(inputs => {
            this._inputs = inputs;
            this._changed.emit();
          }),
          this.client.proposals().then(proposals => {
            this._proposals = proposals;
            this._changed.emit();
          })
        ]);
      } else {
        this._priorities = [];
        this._inputs = [];
        this._proposals = [];
      }
      this._error = null;
    } catch (error) {
      this._error =
        error instanceof GovApiError
          ? error
          : new GovApiError(0, 'unknown', String(error));
    } finally {
      this._loading = false;
      this._changed.emit();
    }
  }

  async initialise(): Promise<string> {
    const { commit } = await this.client.init();
    await this.refresh();
    return commit;
  }

  async submitInput(
    draft: InputDraft
  ): Promise<{ input: IInput; commit: string }> {
    const result = await this.client.submitInput(draft);
    await this.refresh();
    return result;
  }

  async castBallot(
    id: string,
    ballot: IBallotRequest
  ): Promise<{ proposal: IProposalDetail; commit: string }> {
    const result = await this.client.castBallot(id, ballot);
    await this.refresh();
    return result;
  }

  async importPriorities(path: string): Promise<IImportReport> {
    const report = await this.client.importPriorities(path);
    await this.refresh();
    return report;
  }

  /** The background fetch: what there is to pull and push, then the panel's data again. */
  async fetchRemote(): Promise<void> {
    try {
      await this.client.fetchRemote();
    } catch {
      // Offline or the remote is down: the next fetch tries again; Sync says why.
    }
    await this.refresh();
  }

  async setFork(url: string): Promise<void> {
    await this.client.setFork(url);
    await this.refresh();
  }

  async sync(): Promise<ISyncResult> {
    const result = await this.client.sync();
    await this.refresh();
    return result;
  }

  private _status: IStatus | null = null;
  private _priorities: IPriority[] = [];
  private _inputs: IInput[] = [];
  private _proposals: IProposal[] = [];
  private _error: GovApiError | null = null;
  private _loading = false;
  private _changed = new Signal<IGovernanceModel, void>(this);
}
