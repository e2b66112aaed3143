import { URLExt } from '@jupyterlab/coreutils';
import { ServerConnection } from '@jupyterlab/services';

import {
  IAuditNotebook,
  IBallotRequest,
  IErrorBody,
  IFigures,
  IForumImport,
  IForumImported,
  IForumPreview,
  IForumTopic,
  IPillarChanged,
  IPillarDraft,
  IPillarList,
  IPillarPatch,
  IProposeRequest,
  IInput,
  IImportReport,
  IParticipationRow,
  IPriority,
  IProposal,
  IProposalDetail,
  IProposalChanged,
  IProposalHistory,
  IRemoteState,
  IStatus,
  ISyncResult,
  ITransitionRequest
} from './types';
import { InputDraft, ProposalDraft } from './derived';

/** The REST namespace, under the server's base URL. */
export const NAMESPACE = 'jupyter-gov-ext';

/** A failed request, carrying the contract's error code and the field it names. */
export class GovApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string
  ) {
    super(message);
    this.name = 'GovApiError';
  }
}

/**
 * The one request seam: knows the URLs, sends JSON through ServerConnection (base URL, token and
 * XSRF handled by JupyterLab), and turns every answer into a typed result or a GovApiError.
 */
export class GovernanceClient {
  constructor(
    readonly serverSettings: ServerConnection.ISettings = ServerConnection.makeSettings()
  ) {}

  status(): Promise<IStatus> {
    return this.request<IStatus>('status');
  }

  init(): Promise<{ commit: string; added: string[] }> {
    return this.request('init', 'POST', {});
  }

  async priorities(): Promise<IPriority[]> {
    return (await this.request<{ priorities: IPriority[] }>('priorities'))
      .priorities;
  }

  async inputs(): Promise<IInput[]> {
    return (await this.request<{ inputs: IInput[] }>('inputs')).inputs;
  }

  submitInput(draft: InputDraft): Promise<{ input: IInput; commit: string }> {
    const body: Record<string, unknown> = { ...draft };
    if (!draft.responds_to) {
      delete body.responds_to;
    }
    return this.request('inputs', 'POST', body);
  }

  async proposals(): Promise<IProposal[]> {
    return (await this.request<{ proposals: IProposal[] }>('proposals'))
      .proposals;
  }

  async proposal(id: string): Promise<IProposalDetail> {
    return (
      await this.request<{ proposal: IProposalDetail }>(
        `proposals/${encodeURIComponent(id)}`
      )
    ).proposal;
  }

  castBallot(id: string, ballot: IBallotRequest): Promise<IProposalChanged> {
    return this.changeProposal(id, 'ballot', 'PUT', ballot);
  }

  createProposal(
    draft: ProposalDraft
  ): Promise<{ proposal: IProposal; commit: string }> {
    return this.request('proposals', 'POST', draft);
  }

  transition(id: string, body: ITransitionRequest): Promise<IProposalChanged> {
    return this.changeProposal(id, 'transition', 'POST', body);
  }

  closeVote(id: string): Promise<IProposalChanged> {
    return this.changeProposal(id, 'close', 'POST', {});
  }

  /** A lifecycle step on one proposal: the proposal as it now reads, and the commit. */
  private changeProposal(
    id: string,
    step: 'ballot' | 'transition' | 'close',
    method: 'POST' | 'PUT',
    body: object
  ): Promise<IProposalChanged> {
    return this.request(
      `proposals/${encodeURIComponent(id)}/${step}`,
      method,
      body
    );
  }

  importPriorities(path: string): Promise<IImportReport> {
    return this.request('priorities/import', 'POST', { path });
  }

  async participation(): Promise<IParticipationRow[]> {
    return (
      await this.request<{ participation: IParticipationRow[] }>(
        'participation'
      )
    ).participation;
  }

  pillars(): Promise<IPillarList> {
    return this.request<IPillarList>('pillars');
  }

  createPillar(draft: IPillarDraft): Promise<IPillarChanged> {
    return this.request('pillars', 'POST', draft);
  }

  editPillar(id: string, patch: IPillarPatch): Promise<IPillarChanged> {
    return this.request(`pillars/${encodeURIComponent(id)}`, 'PATCH', patch);
  }

  propose(
    req: IProposeRequest
  ): Promise<{ proposal: IProposal; commit: string }> {
    return this.request('pillars/propose', 'POST', req);
  }

  history(id: string): Promise<IProposalHistory> {
    return this.request<IProposalHistory>(
      `proposals/${encodeURIComponent(id)}/history`
    );
  }

  /** The growth and participation figures, computed from the repo at HEAD. */
  figures(): Promise<IFigures> {
    return this.request<IFigures>('figures');
  }

  /** The notebook that computes every figure and recounts every decided vote. */
  growthNotebook(): Promise<IAuditNotebook> {
    return this.request<IAuditNotebook>('figures/notebook');
  }

  /** The notebook that recounts one decision, and where to save it. */
  auditNotebook(id: string): Promise<IAuditNotebook> {
    return this.request<IAuditNotebook>(
      `proposals/${encodeURIComponent(id)}/audit-notebook`
    );
  }

  /** The links a forum topic offers as inputs (nothing is written). */
  forumPreview(topic: IForumTopic): Promise<IForumPreview> {
    return this.request('forum/preview', 'POST', topic);
  }

  /** Add the confirmed links of a forum topic as inputs (one commit). */
  forumImport(req: IForumImport): Promise<IForumImported> {
    return this.request('forum/import', 'POST', req);
  }

  async exportMarkdown(id: string): Promise<string> {
    return (
      await this.request<{ markdown: string }>(
        `proposals/${encodeURIComponent(id)}/export`
      )
    ).markdown;
  }

  sync(): Promise<ISyncResult> {
    return this.request('sync', 'POST', {});
  }

  /** Fetch the remotes (never pushes, never merges): ahead / behind as they are now. */
  fetchRemote(): Promise<IRemoteState> {
    return this.request('fetch', 'POST', {});
  }

  /** Add or change the fork that refused pushes go to. */
  setFork(url: string): Promise<IRemoteState> {
    return this.request('remote/fork', 'PUT', { url });
  }

  async request<T>(path: string, method = 'GET', body?: unknown): Promise<T> {
    const url = URLExt.join(this.serverSettings.baseUrl, NAMESPACE, path);
    // A GET revalidates what the browser kept (If-None-Match): an unchanged refresh is a 304
    // of a few bytes, answered before the server does any work.
    const init: RequestInit =
      method === 'GET' ? { method, cache: 'no-cache' } : { method };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers = { 'Content-Type': 'application/json' };
    }
    let response: Response;
    try {
      response = await ServerConnection.makeRequest(
        url,
        init,
        this.serverSettings
      );
    } catch (error) {
      throw new GovApiError(0, 'network_error', String(error));
    }
    const text = await response.text();
    let data: unknown = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      data = null;
    }
    if (!response.ok) {
      throw toError(response.status, data);
    }
    return data as T;
  }
}

/** The typed error for a failed response: the contract envelope, or an instruction on a bare 404. */
export function toError(status: number, data: unknown): GovApiError {
  const err = (data as IErrorBody | null)?.error;
  if (err && typeof err.code === 'string') {
    return new GovApiError(
      status,
      err.code,
      err.message,
      err.field ?? undefined
    );
  }
  if (status === 404) {
    return new GovApiError(
      status,
      'server_extension_missing',
      'The jupyter_gov_ext server extension is not enabled: run ' +
        '`jupyter server extension enable jupyter_gov_ext` and restart JupyterLab.'
    );
  }
  return new GovApiError(status, 'http_error', `Request failed (${status}).`);
}
