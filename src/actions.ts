import {
  Clipboard,
  Dialog,
  Notification,
  showDialog
} from '@jupyterlab/apputils';
import { JupyterFrontEnd } from '@jupyterlab/application';
import { TranslationBundle } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

import { GovApiError } from './api/client';
import { IAuditNotebook, IBallotRequest, IProposal } from './api/types';
import { IProposalAction } from './components/ProposalActions';
import { GovernanceModel } from './model';

/** What the user sees when a write fails: the server's message, kept until dismissed. */
export function reportError(error: unknown): void {
  Notification.error(
    error instanceof GovApiError ? error.message : String(error),
    { autoClose: false }
  );
}

/** Cast a ballot (after a confirmation, unless the setting `confirmBallots` is off) and say so. */
export async function castBallot(
  model: GovernanceModel,
  trans: TranslationBundle,
  p: IProposal,
  b: IBallotRequest,
  confirm: boolean
): Promise<void> {
  const choice = b.value
    ? {
        yes: trans.__('Yes'),
        no: trans.__('No'),
        blank: trans.__('Blank')
      }[b.value]
    : (b.ranking ?? []).join(' > ');
  if (confirm) {
    const answer = await showDialog({
      title: trans.__('Cast your ballot'),
      body: trans.__(
        'Vote "%1" on "%2"? You can change it until the vote closes; ballots are public.',
        choice,
        p.title
      ),
      buttons: [
        Dialog.cancelButton({ label: trans.__('Cancel') }),
        Dialog.okButton({ label: trans.__('Confirm') })
      ]
    });
    if (!answer.button.accept) {
      return;
    }
  }
  try {
    const { commit } = await model.castBallot(p.id, b);
    Notification.success(
      trans.__(
        'Your ballot "%1" on "%2" is recorded (commit %3).',
        choice,
        p.title,
        commit.slice(0, 7)
      ),
      { autoClose: 5000 }
    );
  } catch (error) {
    reportError(error);
  }
}

/** A lifecycle step (feedback, call, second, close, withdraw): one request, then one refresh. */
export async function runProposalAction(
  model: GovernanceModel,
  trans: TranslationBundle,
  id: string,
  a: IProposalAction
): Promise<void> {
  try {
    const result =
      a.id === 'close'
        ? await model.closeVote(id)
        : await model.transition(
            id,
            a.id === 'second'
              ? { second: true }
              : {
                  to:
                    a.id === 'call'
                      ? 'voting'
                      : a.id === 'feedback'
                        ? 'feedback'
                        : 'withdrawn'
                }
          );
    Notification.success(
      trans.__('%1: done (commit %2).', a.label, result.commit.slice(0, 7)),
      { autoClose: 4000 }
    );
  } catch (error) {
    reportError(error);
  }
}

/** Copy a vote as a Markdown checklist for a GitHub issue or pull request. */
export async function copyForGitHub(
  model: GovernanceModel,
  trans: TranslationBundle,
  id: string
): Promise<void> {
  try {
    Clipboard.copyToSystem(await model.exportMarkdown(id));
    Notification.info(trans.__('Copied the vote as Markdown for GitHub.'), {
      autoClose: 3000
    });
  } catch (error) {
    reportError(error);
  }
}

/** A notebook panel as docmanager:open returns it: what running it needs. */
interface INotebookLike extends Widget {
  context?: { sessionContext?: { ready: Promise<void> } };
}

/**
 * Save a notebook the server wrote (pinned to the current commit) into its folder, open it, run
 * it and save it with its outputs: the evidence, computed where the user can read every step.
 */
async function openAndRun(
  app: JupyterFrontEnd,
  trans: TranslationBundle,
  notebook: IAuditNotebook
): Promise<void> {
  const contents = app.serviceManager.contents;
  const folder = notebook.path.split('/').slice(0, -1).join('/');
  if (folder) {
    await contents
      .get(folder, { content: false })
      .catch(() => contents.save(folder, { type: 'directory' }));
  }
  await contents.save(notebook.path, {
    type: 'notebook',
    format: 'json',
    content: notebook.notebook
  });
  const widget = (await app.commands.execute('docmanager:open', {
    path: notebook.path,
    factory: 'Notebook'
  })) as INotebookLike | undefined;
  Notification.info(
    trans.__(
      'Notebook %1 opened and running; it ends with the verdict (now: %2).',
      notebook.path,
      notebook.summary
    ),
    { autoClose: 8000 }
  );
  await widget?.context?.sessionContext?.ready;
  if (widget) {
    app.shell.activateById(widget.id);
    await app.commands.execute('notebook:run-all-cells');
    // Keep the verdict with the notebook.
    await app.commands.execute('docmanager:save');
  }
}

/**
 * "Audit this decision in a notebook": the notebook that recounts the vote from its ballot files
 * with the server's rules code and ends with the match or the mismatch.
 */
export async function auditInNotebook(
  app: JupyterFrontEnd,
  model: GovernanceModel,
  trans: TranslationBundle,
  id: string
): Promise<void> {
  try {
    await openAndRun(app, trans, await model.auditNotebook(id));
  } catch (error) {
    reportError(error);
  }
}

/** "Re-run in a notebook": every figure computed and every decided vote recounted. */
export async function growthInNotebook(
  app: JupyterFrontEnd,
  model: GovernanceModel,
  trans: TranslationBundle
): Promise<void> {
  try {
    await openAndRun(app, trans, await model.growthNotebook());
  } catch (error) {
    reportError(error);
  }
}
