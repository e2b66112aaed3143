import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useEffect, useState } from 'react';

import { IBallotRequest, IProposal, IProposalHistory } from '../api/types';
import { BallotForm } from '../components/BallotForm';
import { History } from '../components/History';
import { Markdown, Rendered } from '../components/Markdown';
import {
  IProposalAction,
  ProposalActions,
  proposalActions
} from '../components/ProposalActions';
import { RoundsTable, TallyChart, TallyView } from '../components/Tally';
import { timeLeft } from '../components/VoteList';
import { GovernanceModel } from '../model';
import { traceGraph } from '../trace';

import { VEGA_LITE } from '../trace';

export interface IProposalDocumentProps {
  id: string;
  model: GovernanceModel;
  rendermime: IRenderMimeRegistry | null;
  trans: TranslationBundle;
  onCast: (p: IProposal, b: IBallotRequest) => Promise<void>;
  onAction: (a: IProposalAction) => Promise<void>;
  onCopy: () => Promise<void>;
  /** Write and open the notebook that recounts this vote. */
  onAudit: () => Promise<void>;
}

/**
 * A proposal as a document: its text and door, who needs to approve it, each body's tally as a
 * chart (rounds for a ranked vote), the ballot form, the lifecycle steps this user may take, every
 * ballot (they are public), and its whole history from the repo.
 */
export function ProposalDocument(props: IProposalDocumentProps): JSX.Element {
  const { model, trans, id } = props;
  const detail = model.proposalDetail(id);
  const error = model.proposalError(id);
  const [history, setHistory] = useState<IProposalHistory | null>(null);
  useEffect(() => {
    if (!detail) {
      void model.loadProposal(id);
    }
  }, [id]);
  // The history follows the proposal: a new step is a new detail from the server.
  useEffect(() => {
    if (detail) {
      model
        .history(id)
        .then(setHistory)
        .catch(() => setHistory({ events: [], allowed_signers: null }));
    }
  }, [detail]);

  if (error && !detail) {
    return (
      <p className="jp-GovExt-error" role="alert">
        {error.message}
      </p>
    );
  }
  if (!detail) {
    return <p className="jp-GovExt-empty">{trans.__('Loading…')}</p>;
  }
  const inputsById = new Map(model.inputs.map(i => [i.id, i]));
  const notCounted = new Set(detail.tallies.flatMap(t => t.not_counted));
  return (
    <article
      className="jp-GovExt-proposalDoc"
      aria-label={trans.__('Proposal: %1', detail.title)}
    >
      <header className="jp-GovExt-docHeader">
        <h1>{detail.title}</h1>
        <div className="jp-GovExt-meta">
          <span className={`jp-GovExt-status jp-mod-${detail.status}`}>
            {trans.__('Status: %1', detail.status)}
          </span>
          <span>{trans.__('Sponsor: %1', detail.sponsor)}</span>
          {detail.seconded_by && (
            <span>{trans.__('Seconded by: %1', detail.seconded_by)}</span>
          )}
          {detail.seconds_left !== null && (
            <span>{timeLeft(detail.seconds_left, trans)}</span>
          )}
          <span>
            {detail.door === 'one-way'
              ? trans.__('One-way door: hard to reverse')
              : trans.__('Two-way door: easy to reverse')}
          </span>
          <span>
            {trans.__('Needs approval from: %1', detail.body_names.join(', '))}
          </span>
        </div>
      </header>
      <div className="jp-GovExt-docColumns">
        <section className="jp-GovExt-docMain" aria-label={trans.__('Text')}>
          {props.rendermime && detail.body ? (
            <Markdown rendermime={props.rendermime} source={detail.body} />
          ) : (
            <p className="jp-GovExt-empty">{trans.__('No text yet.')}</p>
          )}
          {detail.cited_inputs.length > 0 && (
            <>
              <h2>{trans.__('Cited input')}</h2>
              <ul>
                {detail.cited_inputs.map(i => (
                  <li key={i.id}>
                    <a href={i.url} target="_blank" rel="noopener noreferrer">
                      {i.title}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
        <aside className="jp-GovExt-docSide" aria-label={trans.__('The vote')}>
          {detail.tallies.map(t => (
            <div key={t.body}>
              <TallyChart tally={t} trans={trans} legend />
              <TallyView tally={t} trans={trans} />
              <RoundsTable tally={t} trans={trans} />
            </div>
          ))}
          {detail.why_not && <p className="jp-GovExt-note">{detail.why_not}</p>}
          {detail.second_requested && detail.status !== 'voting' && (
            <p className="jp-GovExt-note">
              {trans.__(
                '%1 called a vote: it opens when another member seconds it.',
                detail.sponsor
              )}
            </p>
          )}
          <BallotForm proposal={detail} onCast={props.onCast} trans={trans} />
          <ProposalActions
            actions={proposalActions(detail, trans)}
            onAction={a => void props.onAction(a)}
          />
          <div className="jp-GovExt-docButtons">
            <button
              className="jp-mod-styled"
              onClick={() => void props.onCopy()}
            >
              {trans.__('Copy for GitHub')}
            </button>
            {detail.vote && (
              <button
                className="jp-mod-styled"
                title={trans.__(
                  'Recount this vote from its ballot files in a notebook anyone can run again'
                )}
                onClick={() => void props.onAudit()}
              >
                {trans.__('Audit in a notebook')}
              </button>
            )}
          </div>
        </aside>
      </div>
      {detail.pillars.length > 0 && (
        <section aria-label={trans.__('From community input')}>
          <h2>{trans.__('From community input')}</h2>
          <ul className="jp-GovExt-plainList">
            {model.pillars
              .filter(p => detail.pillars.includes(p.id))
              .map(p => (
                <li key={p.id}>
                  <span className="jp-GovExt-itemTitle">{p.title}</span>
                  {': '}
                  {p.inputs
                    .map(id => inputsById.get(id))
                    .filter(i => !!i)
                    .map(i => `${i!.title} (${i!.author.name || i!.author.id})`)
                    .join('; ')}
                </li>
              ))}
          </ul>
          {props.rendermime && (
            <Rendered
              rendermime={props.rendermime}
              mimeType={VEGA_LITE}
              data={
                traceGraph(detail, model.pillars, model.inputs, trans) as never
              }
              className="jp-GovExt-traceGraph"
              label={trans.__(
                'From community input to the decision on "%1"',
                detail.title
              )}
            />
          )}
        </section>
      )}
      <section aria-label={trans.__('Ballots (public)')}>
        <h2>{trans.__('Ballots (public)')}</h2>
        {detail.ballots.length === 0 ? (
          <p className="jp-GovExt-empty">{trans.__('No ballots yet.')}</p>
        ) : (
          <ul aria-label={trans.__('Ballots')}>
            {detail.ballots.map(b => (
              <li key={b.member}>
                {b.member}: {b.value ?? (b.ranking ?? []).join(' > ')}
                {b.comment ? ` — “${b.comment}”` : ''}
                {b.before_edit
                  ? ` (${trans.__('cast before the text last changed')})`
                  : ''}
                {b.member && notCounted.has(b.member)
                  ? ` (${trans.__('not counted: not signed with an allowed key')})`
                  : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-label={trans.__('History')}>
        <h2>{trans.__('History')}</h2>
        <History
          events={history?.events ?? null}
          allowedSigners={history?.allowed_signers}
          trans={trans}
        />
      </section>
    </article>
  );
}
