import { Clipboard, Notification } from '@jupyterlab/apputils';
import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useEffect, useState } from 'react';

import { GovApiError, GovernanceClient } from '../api/client';
import { IProposalDetail } from '../api/types';
import { Markdown } from './Markdown';
import {
  IProposalAction,
  ProposalActions,
  proposalActions
} from './ProposalActions';

export interface IProposalDetailsProps {
  id: string;
  /** Changes whenever the proposal may have changed (e.g. the head commit), to re-fetch. */
  revision: string;
  client: GovernanceClient;
  rendermime: IRenderMimeRegistry | null;
  trans: TranslationBundle;
  /** Called after a lifecycle step was committed, so the lists refresh. */
  onChanged: () => void;
}

/** A proposal's full view: its text, door, cited inputs, every ballot, ranked rounds, export. */
export function ProposalDetails(props: IProposalDetailsProps): JSX.Element {
  const { trans } = props;
  const [detail, setDetail] = useState<IProposalDetail | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    props.client
      .proposal(props.id)
      .then(setDetail)
      .catch(e => setError(String(e.message ?? e)));
  }, [props.id, props.revision]);

  if (error) {
    return <p className="jp-GovExt-error">{error}</p>;
  }
  if (!detail) {
    return <p className="jp-GovExt-empty">{trans.__('Loading…')}</p>;
  }
  const act = async (a: IProposalAction) => {
    const c = props.client;
    try {
      const result =
        a.id === 'close'
          ? await c.closeVote(detail.id)
          : a.id === 'second'
            ? await c.transition(detail.id, { second: true })
            : await c.transition(detail.id, {
                to:
                  a.id === 'call'
                    ? 'voting'
                    : a.id === 'feedback'
                      ? 'feedback'
                      : 'withdrawn'
              });
      setDetail(result.proposal);
      Notification.success(
        trans.__('%1: done (commit %2).', a.label, result.commit.slice(0, 7)),
        { autoClose: 4000 }
      );
      props.onChanged();
    } catch (e) {
      Notification.error(e instanceof GovApiError ? e.message : String(e), {
        autoClose: false
      });
    }
  };
  const copy = async () => {
    Clipboard.copyToSystem(await props.client.exportMarkdown(detail.id));
    Notification.info(trans.__('Copied the vote as Markdown for GitHub.'), {
      autoClose: 3000
    });
  };
  return (
    <div
      className="jp-GovExt-details"
      role="region"
      aria-label={trans.__('Details of %1', detail.title)}
    >
      <div className="jp-GovExt-meta">
        {detail.door === 'one-way'
          ? trans.__('One-way door: hard to reverse')
          : trans.__('Two-way door: easy to reverse')}
        {' · '}
        {trans.__('Needs approval from: %1', detail.body_names.join(', '))}
      </div>
      {props.rendermime && detail.body && (
        <Markdown rendermime={props.rendermime} source={detail.body} />
      )}
      {detail.cited_inputs.length > 0 && (
        <>
          <h4>{trans.__('Cited input')}</h4>
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
      {detail.tallies.map(
        t =>
          t.kind === 'ranked' && (
            <div key={t.body}>
              <table className="jp-GovExt-rounds">
                <caption>
                  {t.seats > 1
                    ? trans.__(
                        'Rounds (%1): %2 seats, quota %3',
                        t.body_name,
                        t.seats,
                        t.rounds[0]?.quota ?? '—'
                      )
                    : trans.__('Instant-runoff rounds (%1)', t.body_name)}
                </caption>
                <tbody>
                  {t.rounds.map((r, n) => (
                    <tr key={n}>
                      <th scope="row">{trans.__('Round %1', n + 1)}</th>
                      <td>
                        {Object.entries(r.counts)
                          .map(([o, c]) => `${o}: ${c}`)
                          .join(' · ')}
                        {r.elected.length > 0
                          ? ` — ${trans.__('%1 elected', r.elected.join(', '))}`
                          : ''}
                        {r.eliminated.length > 0
                          ? ` — ${trans.__('%1 eliminated', r.eliminated.join(', '))}`
                          : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {t.tie_break.map(note => (
                <p key={note} className="jp-GovExt-note">
                  {note}
                </p>
              ))}
            </div>
          )
      )}
      <h4>{trans.__('Ballots (public)')}</h4>
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
            </li>
          ))}
        </ul>
      )}
      {detail.why_not && <p className="jp-GovExt-note">{detail.why_not}</p>}
      {detail.second_requested && detail.status !== 'voting' && (
        <p className="jp-GovExt-note">
          {trans.__(
            '%1 called a vote: it opens when another member seconds it.',
            detail.sponsor
          )}
        </p>
      )}
      <ProposalActions
        actions={proposalActions(detail, trans)}
        onAction={a => void act(a)}
      />
      <button className="jp-mod-styled" onClick={() => void copy()}>
        {trans.__('Copy for GitHub')}
      </button>
    </div>
  );
}
