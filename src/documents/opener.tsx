import { JupyterFrontEnd } from '@jupyterlab/application';
import {
  MainAreaWidget,
  Notification,
  WidgetTracker
} from '@jupyterlab/apputils';
import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import { IStateDB } from '@jupyterlab/statedb';
import { TranslationBundle } from '@jupyterlab/translation';
import {
  checkIcon,
  downloadIcon,
  linkIcon,
  listIcon,
  LabIcon
} from '@jupyterlab/ui-components';
import React from 'react';

import { castBallot, copyForGitHub, runProposalAction } from '../actions';
import { InputDraft } from '../api/derived';
import { InputForm } from '../components/InputForm';
import { ProposalForm } from '../components/ProposalForm';
import { governanceIcon } from '../icons';
import { GovernanceModel } from '../model';
import { SectionId } from '../tokens';
import {
  emptyDraft,
  emptyProposal,
  ProposalFormState,
  proposalRequest
} from '../validation';
import { SavedDraft } from './drafts';
import { EvidenceDocument } from './EvidenceDocument';
import { ForumImportDocument } from './ForumImportDocument';
import { GovDocument } from './GovDocument';
import { ParticipationDocument } from './ParticipationDocument';
import { PriorityDocument } from './PriorityDocument';
import { ProposalDocument } from './ProposalDocument';
import { SynthesisBoard } from './SynthesisBoard';

/** The documents the extension opens in the main area. */
export type DocumentKind =
  | 'priority'
  | 'proposal'
  | 'new-proposal'
  | 'input-form'
  | 'participation'
  | 'synthesis'
  | 'evidence'
  | 'forum-import';

/** What opens a document: its kind, the record's id, and for the input form what to preset. */
export interface IDocumentArgs {
  kind: DocumentKind;
  id?: string;
  /** Input form: tick this funding priority. */
  priority?: string;
  /** Input form: answer this input or proposal. */
  respondsTo?: string;
}

/** What the documents use beyond the model: the app's shell, the panel, the user's settings. */
export interface IDocumentDeps {
  app: JupyterFrontEnd;
  model: GovernanceModel;
  trans: TranslationBundle;
  rendermime: IRenderMimeRegistry | null;
  state: IStateDB | null;
  /** Ask before a ballot is committed (setting `confirmBallots`). */
  confirmBallots: () => boolean;
  /** Show the Governance panel at a section, its input list filtered by a priority if given. */
  show: (section: SectionId, priority?: string) => void;
  /** Write and open the notebook that recounts a proposal's vote. */
  audit: (id: string) => Promise<void>;
  /** Write and open the notebook that computes every figure and recounts every vote. */
  growthNotebook: () => Promise<void>;
}

const KINDS: DocumentKind[] = [
  'priority',
  'proposal',
  'new-proposal',
  'input-form',
  'participation',
  'synthesis',
  'evidence',
  'forum-import'
];

/** Whether `args` name a document this extension can open (restored args are untrusted JSON). */
export function isDocumentArgs(args: unknown): args is IDocumentArgs {
  const a = args as IDocumentArgs | null;
  return (
    !!a &&
    KINDS.includes(a.kind) &&
    (a.id === undefined || typeof a.id === 'string')
  );
}

/** One document per record: the key (and DOM id) a kind and id open. */
export function documentKey(args: IDocumentArgs): string {
  return args.kind === 'priority' || args.kind === 'proposal'
    ? `${args.kind}:${args.id ?? ''}`
    : args.kind;
}

function domId(key: string): string {
  return `jp-GovExt-doc-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

const ICONS: Record<DocumentKind, LabIcon> = {
  priority: listIcon,
  proposal: checkIcon,
  'new-proposal': checkIcon,
  'input-form': linkIcon,
  participation: governanceIcon,
  synthesis: governanceIcon,
  evidence: governanceIcon,
  'forum-import': downloadIcon
};

/**
 * Opens (or focuses) the governance documents in the main area: one MainAreaWidget per record,
 * tracked by a WidgetTracker so that the layout restorer reopens them after a reload.
 */
export class GovDocuments {
  constructor(private readonly deps: IDocumentDeps) {
    this._inputDraft = new SavedDraft<InputDraft>(
      deps.state,
      'jupyter-gov-ext:input-draft',
      emptyDraft
    );
    this._proposalDraft = new SavedDraft<ProposalFormState>(
      deps.state,
      'jupyter-gov-ext:proposal-draft',
      () => emptyProposal(deps.model.status?.bodies.slice(0, 1).map(b => b.id))
    );
  }

  readonly tracker = new WidgetTracker<MainAreaWidget<GovDocument>>({
    namespace: 'jupyter-gov-ext-documents'
  });

  /** The proposal of the document in front, if it is one (what "Audit this decision" audits). */
  get currentProposal(): string | null {
    const widget = this.tracker.currentWidget;
    const args = widget ? this._args.get(widget.id) : undefined;
    return args?.kind === 'proposal' && args.id ? args.id : null;
  }

  /** The args that reopen a tracked document (what the layout restorer saves). */
  argsOf(widget: MainAreaWidget<GovDocument>): IDocumentArgs {
    return this._args.get(widget.id) ?? { kind: 'participation' };
  }

  /** Open the document `args` names, or bring it to the front if it is open. */
  async open(args: IDocumentArgs): Promise<MainAreaWidget<GovDocument>> {
    const key = documentKey(args);
    let widget = this.tracker.find(w => w.id === domId(key));
    if (!widget) {
      widget = await this.create(args);
      widget.id = domId(key);
      this._args.set(widget.id, { kind: args.kind, id: args.id });
      widget.disposed.connect(() => {
        this._args.delete(domId(key));
        if (args.kind === 'proposal' && args.id) {
          this.deps.model.forgetProposal(args.id);
        }
      });
      void this.tracker.add(widget);
      this.deps.app.shell.add(widget, 'main');
      widget.content.retitle();
    }
    if (args.kind === 'input-form') {
      this.presetInput(args);
      this._focusInput += 1;
      widget.content.update();
    }
    this.deps.app.shell.activateById(widget.id);
    return widget;
  }

  private presetInput(args: IDocumentArgs): void {
    const d = this._inputDraft.value;
    if (args.priority && !d.priorities.includes(args.priority)) {
      this._inputDraft.set({
        ...d,
        priorities: [...d.priorities, args.priority]
      });
    }
    if (args.respondsTo) {
      this._inputDraft.set({
        ...this._inputDraft.value,
        responds_to: args.respondsTo
      });
    }
  }

  private async create(
    args: IDocumentArgs
  ): Promise<MainAreaWidget<GovDocument>> {
    const { model, trans } = this.deps;
    let draw: () => JSX.Element;
    let label: () => string;
    switch (args.kind) {
      case 'priority': {
        const id = args.id ?? '';
        label = () => model.priorities.find(p => p.id === id)?.title ?? id;
        draw = () => (
          <PriorityDocument
            id={id}
            model={model}
            rendermime={this.deps.rendermime}
            trans={trans}
            onShowInputs={() => this.deps.show('inputs', id)}
            onSubmitInput={() =>
              void this.open({ kind: 'input-form', priority: id })
            }
            onOpenProposal={pid =>
              void this.open({ kind: 'proposal', id: pid })
            }
          />
        );
        break;
      }
      case 'proposal': {
        const id = args.id ?? '';
        label = () =>
          model.proposalDetail(id)?.title ??
          model.proposals.find(p => p.id === id)?.title ??
          id;
        draw = () => (
          <ProposalDocument
            id={id}
            model={model}
            rendermime={this.deps.rendermime}
            trans={trans}
            onCast={(p, b) =>
              castBallot(model, trans, p, b, this.deps.confirmBallots())
            }
            onAction={a => runProposalAction(model, trans, id, a)}
            onCopy={() => copyForGitHub(model, trans, id)}
            onAudit={() => this.deps.audit(id)}
          />
        );
        break;
      }
      case 'new-proposal':
        await this._proposalDraft.load();
        label = () => trans.__('New proposal');
        draw = () => this.drawProposalForm();
        break;
      case 'input-form':
        await this._inputDraft.load();
        label = () => trans.__('Submit community input');
        draw = () => this.drawInputForm();
        break;
      case 'synthesis':
        label = () => trans.__('Synthesis board');
        draw = () => (
          <SynthesisBoard
            model={model}
            trans={trans}
            onOpenProposal={id => void this.open({ kind: 'proposal', id })}
          />
        );
        break;
      case 'evidence':
        label = () => trans.__('Growth and decisions');
        draw = () => (
          <EvidenceDocument
            model={model}
            rendermime={this.deps.rendermime}
            trans={trans}
            onAudit={id => this.deps.audit(id)}
            onNotebook={() => this.deps.growthNotebook()}
          />
        );
        break;
      case 'forum-import':
        label = () => trans.__('Import from the forum');
        draw = () => <ForumImportDocument model={model} trans={trans} />;
        break;
      default:
        label = () => trans.__('Participation');
        draw = () => <ParticipationDocument model={model} trans={trans} />;
    }
    const content = new GovDocument(model, draw, label);
    const widget = new MainAreaWidget({ content });
    widget.addClass('jp-GovExt-docWidget');
    widget.title.icon = ICONS[args.kind];
    widget.title.closable = true;
    return widget;
  }

  private drawInputForm(): JSX.Element {
    const { model, trans } = this.deps;
    const status = model.status;
    if (!status?.initialised) {
      return <p className="jp-GovExt-empty">{trans.__('Loading…')}</p>;
    }
    return (
      <div className="jp-GovExt-formDoc">
        <h1>{trans.__('Submit community input')}</h1>
        <InputForm
          topics={status.topics}
          prompts={status.prompts}
          priorities={model.priorities}
          inputs={model.inputs}
          proposals={model.proposals}
          trans={trans}
          draft={this._inputDraft.value}
          focus={this._focusInput}
          onChange={d => {
            this._inputDraft.set(d);
            this.refreshDoc('input-form');
          }}
          onSubmit={async d => {
            const { input, commit } = await model.submitInput(d);
            Notification.success(
              trans.__(
                'Added "%1" (commit %2).',
                input.title,
                commit.slice(0, 7)
              ),
              { autoClose: 5000 }
            );
            this._inputDraft.clear();
            this.close('input-form');
            this.deps.show('inputs');
          }}
        />
      </div>
    );
  }

  private drawProposalForm(): JSX.Element {
    const { model, trans } = this.deps;
    const status = model.status;
    if (!status?.initialised) {
      return <p className="jp-GovExt-empty">{trans.__('Loading…')}</p>;
    }
    return (
      <div className="jp-GovExt-formDoc">
        <h1>{trans.__('Draft a proposal')}</h1>
        <p className="jp-GovExt-summary">
          {trans.__(
            'Anyone may draft a proposal. A member of its voting body opens it for feedback and calls the vote; another member seconds the call, and the vote is open for seven days.'
          )}
        </p>
        <ProposalForm
          priorities={model.priorities}
          inputs={model.inputs}
          bodies={status.bodies}
          trans={trans}
          draft={this._proposalDraft.value}
          onChange={d => {
            this._proposalDraft.set(d);
            this.refreshDoc('new-proposal');
          }}
          onCancel={() => this.close('new-proposal')}
          onSubmit={async d => {
            const { proposal, commit } = await model.createProposal(
              proposalRequest(d)
            );
            Notification.success(
              trans.__(
                'Drafted "%1" (commit %2).',
                proposal.title,
                commit.slice(0, 7)
              ),
              { autoClose: 4000 }
            );
            this._proposalDraft.clear();
            this.close('new-proposal');
            void this.open({ kind: 'proposal', id: proposal.id });
          }}
        />
      </div>
    );
  }

  private refreshDoc(key: string): void {
    this.tracker.find(w => w.id === domId(key))?.content.update();
  }

  private close(key: string): void {
    this.tracker.find(w => w.id === domId(key))?.dispose();
  }

  private _args = new Map<string, IDocumentArgs>();
  private _inputDraft: SavedDraft<InputDraft>;
  private _proposalDraft: SavedDraft<ProposalFormState>;
  private _focusInput = 0;
}
