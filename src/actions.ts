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
import { IBallotRequest, IProposal } from './api/types';
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
 * "Audit this decision in a notebook": write the notebook that recounts the vote (from the server,
 * pinned to the current commit) into the audits folder, open it and run it, so that its last cell
 * shows the match or the mismatch.
 */
export async function auditInNotebook(
  app: JupyterFrontEnd,
  model: GovernanceModel,
  trans: TranslationBundle,
  id: string
): Promise<void> {
  try {
    const audit = await model.auditNotebook(id);
    const contents = app.serviceManager.contents;
    const folder = audit.path.split('/').slice(0, -1).join('/');
    if (folder) {
      await contents
        .get(folder, { content: false })
        .catch(() => contents.save(folder, { type: 'directory' }));
    }
    await contents.save(audit.path, {
      type: 'notebook',
      format: 'json',
      content: audit.notebook
    });
    const widget = (await app.commands.execute('docmanager:open', {
      path: audit.path,
      factory: 'Notebook'
    })) as INotebookLike | undefined;
    Notification.info(
      trans.__(
        'Audit notebook %1 opened and running: it recounts the vote from the ballot files and ends with the verdict (now: %2).',
        audit.path,
        audit.summary
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
  } catch (error) {
    reportError(error);
  }
}
