import { ISignal, Signal } from '@lumino/signaling';

import { GovApiError, GovernanceClient } from './api/client';
import { InputDraft, ProposalDraft } from './api/derived';
import {
  IAuditNotebook,
  IBallotRequest,
  IFigures,
  IForumImport,
  IForumImported,
  IForumPreview,
  IForumTopic,
  IImportReport,
  IInput,
  IParticipationRow,
  IPillar,
  IPillarChanged,
  IPillarDraft,
  IPillarPatch,
  IProposeRequest,
  IPriority,
  IProposal,
  IProposalChanged,
  IProposalDetail,
  IProposalHistory,
  IStatus,
  ISyncResult,
  ITransitionRequest
} from './api/types';
import { IGovernanceModel } from './tokens';

/** Whether a proposal's list entry says something its detail does not (so the detail is stale). */
function listEntryDiffers(entry: IProposal, detail: IProposalDetail): boolean {
  return (Object.keys(entry) as (keyof IProposal)[]).some(
    key => JSON.stringify(entry[key]) !== JSON.stringify(detail[key])
  );
}

/**
 * GovernanceModel: the governance state (status, priorities, inputs, proposals, the details of the
 * proposals someone is reading) and the signals that announce its changes. It is the only caller
 * of the REST client: views subscribe, commands call it. A write applies the record the server
 * returns at once, then refreshes once (unchanged collections answer 304).
 */
export class GovernanceModel implements IGovernanceModel {
  constructor(
    private readonly client: GovernanceClient = new GovernanceClient()
  ) {}

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
  /** The council's synthesis pillars. */
  get pillars(): IPillar[] {
    return this._pillars;
  }
  /** Whether this user may create and change pillars (council members). */
  get canEditPillars(): boolean {
    return this._canEditPillars;
  }
  /** How many open votes wait for this user's ballot (the sidebar tab's badge). */
  get waitingForMe(): number {
    return this._proposals.filter(p => p.waiting_for_me).length;
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
            this.reloadStaleDetails();
          }),
          this.client.pillars().then(({ pillars, can_edit }) => {
            this._pillars = pillars;
            this._canEditPillars = can_edit;
            this._changed.emit();
          })
        ]);
      } else {
        this._priorities = [];
        this._inputs = [];
        this._proposals = [];
        this._pillars = [];
      }
      this._error = null;
    } catch (error) {
      this._error = asApiError(error);
    } finally {
      this._loading = false;
      this._changed.emit();
    }
  }

  // --- one proposal, as its document shows it --------------------------------------------------

  /** A proposal's full record, once loaded (`loadProposal`); kept current by refreshes. */
  proposalDetail(id: string): IProposalDetail | undefined {
    return this._details.get(id);
  }

  /** The error of the last attempt to load a proposal, if it failed. */
  proposalError(id: string): GovApiError | undefined {
    return this._detailErrors.get(id);
  }

  /** Load a proposal's full record (its document calls this once, when it opens). */
  async loadProposal(id: string): Promise<void> {
    try {
      this.applyDetail(await this.client.proposal(id));
      this._detailErrors.delete(id);
    } catch (error) {
      this._detailErrors.set(id, asApiError(error));
      this._changed.emit();
    }
  }

  /** Stop keeping a proposal's detail current (its document closed). */
  forgetProposal(id: string): void {
    this._details.delete(id);
    this._detailErrors.delete(id);
  }

  /** Every step of a proposal's life, from the repo's history. */
  history(id: string): Promise<IProposalHistory> {
    return this.client.history(id);
  }

  /** The growth and participation figures at HEAD. */
  figures(): Promise<IFigures> {
    return this.client.figures();
  }

  /** The notebook that computes every figure and recounts every decided vote. */
  growthNotebook(): Promise<IAuditNotebook> {
    return this.client.growthNotebook();
  }

  /** The notebook that recounts a decision with the server's rules. */
  auditNotebook(id: string): Promise<IAuditNotebook> {
    return this.client.auditNotebook(id);
  }

  /** What a forum topic offers as inputs; nothing is written. */
  forumPreview(topic: IForumTopic): Promise<IForumPreview> {
    return this.client.forumPreview(topic);
  }

  /** Import the confirmed links of a forum topic, then read the inputs again. */
  async forumImport(req: IForumImport): Promise<IForumImported> {
    const result = await this.client.forumImport(req);
    await this.refresh();
    return result;
  }

  exportMarkdown(id: string): Promise<string> {
    return this.client.exportMarkdown(id);
  }

  participation(): Promise<IParticipationRow[]> {
    return this.client.participation();
  }

  // --- writes ------------------------------------------------------------------------------------

  async initialise(): Promise<string> {
    const { commit } = await this.client.init();
    await this.refresh();
    return commit;
  }

  async submitInput(
    draft: InputDraft
  ): Promise<{ input: IInput; commit: string }> {
    const result = await this.client.submitInput(draft);
    this._inputs = [...this._inputs, result.input];
    this._changed.emit();
    await this.refresh();
    return result;
  }

  async createProposal(
    draft: ProposalDraft
  ): Promise<{ proposal: IProposal; commit: string }> {
    const result = await this.client.createProposal(draft);
    this._proposals = [...this._proposals, result.proposal];
    this._changed.emit();
    await this.refresh();
    return result;
  }

  /** A new pillar (applied at once), then one refresh. */
  async createPillar(draft: IPillarDraft): Promise<IPillarChanged> {
    const result = await this.client.createPillar(draft);
    this.applyPillar(result.pillar);
    await this.refresh();
    return result;
  }

  /** Change a pillar's words or its inputs (applied at once), then one refresh. */
  async editPillar(id: string, patch: IPillarPatch): Promise<IPillarChanged> {
    const result = await this.client.editPillar(id, patch);
    this.applyPillar(result.pillar);
    await this.refresh();
    return result;
  }

  /** A draft proposal from pillars (yes / no for one, ranked for several). */
  async propose(
    req: IProposeRequest
  ): Promise<{ proposal: IProposal; commit: string }> {
    const result = await this.client.propose(req);
    this._proposals = [...this._proposals, result.proposal];
    this._changed.emit();
    await this.refresh();
    return result;
  }

  castBallot(id: string, ballot: IBallotRequest): Promise<IProposalChanged> {
    return this.changeProposal(this.client.castBallot(id, ballot));
  }

  transition(id: string, step: ITransitionRequest): Promise<IProposalChanged> {
    return this.changeProposal(this.client.transition(id, step));
  }

  closeVote(id: string): Promise<IProposalChanged> {
    return this.changeProposal(this.client.closeVote(id));
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

  /** A lifecycle step: the proposal as the server now reads it replaces ours, then one refresh. */
  private async changeProposal(
    request: Promise<IProposalChanged>
  ): Promise<IProposalChanged> {
    const result = await request;
    this.applyDetail(result.proposal);
    await this.refresh();
    return result;
  }

  private applyPillar(pillar: IPillar): void {
    const known = this._pillars.some(p => p.id === pillar.id);
    this._pillars = known
      ? this._pillars.map(p => (p.id === pillar.id ? pillar : p))
      : [...this._pillars, pillar];
    this._changed.emit();
  }

  private applyDetail(detail: IProposalDetail): void {
    this._details.set(detail.id, detail);
    const { body, ballots, cited_inputs, members, why_not, ...entry } = detail;
    (void body, ballots, cited_inputs, members, why_not);
    const at = this._proposals.findIndex(p => p.id === detail.id);
    if (at >= 0) {
      this._proposals = this._proposals.map((p, i) => (i === at ? entry : p));
    }
    this._changed.emit();
  }

  /** After a refresh: re-read only the open details whose list entry moved on (a pull, a
   * ballot from someone else, the clock), not every open one. */
  private reloadStaleDetails(): void {
    for (const entry of this._proposals) {
      const detail = this._details.get(entry.id);
      if (detail && listEntryDiffers(entry, detail)) {
        void this.loadProposal(entry.id);
      }
    }
  }

  private _status: IStatus | null = null;
  private _priorities: IPriority[] = [];
  private _inputs: IInput[] = [];
  private _proposals: IProposal[] = [];
  private _pillars: IPillar[] = [];
  private _canEditPillars = false;
  private _details = new Map<string, IProposalDetail>();
  private _detailErrors = new Map<string, GovApiError>();
  private _error: GovApiError | null = null;
  private _loading = false;
  private _changed = new Signal<IGovernanceModel, void>(this);
}

function asApiError(error: unknown): GovApiError {
  return error instanceof GovApiError
    ? error
    : new GovApiError(0, 'unknown', String(error));
}
