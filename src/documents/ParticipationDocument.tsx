import { TranslationBundle } from '@jupyterlab/translation';
import React, { useEffect, useState } from 'react';

import { IParticipationRow } from '../api/types';
import { GovernanceModel } from '../model';

/** Each member's share of formal votes per calendar year, against the required participation. */
export function ParticipationDocument(props: {
  model: GovernanceModel;
  trans: TranslationBundle;
}): JSX.Element {
  const { model, trans } = props;
  const [rows, setRows] = useState<IParticipationRow[] | null>(null);
  const [error, setError] = useState('');
  const head = model.status?.head ?? '';
  useEffect(() => {
    model
      .participation()
      .then(setRows)
      .catch(e => setError(String(e.message ?? e)));
  }, [head]);
  return (
    <article
      className="jp-GovExt-participationDoc"
      aria-label={trans.__('Participation in formal votes')}
    >
      <header className="jp-GovExt-docHeader">
        <h1>{trans.__('Participation in formal votes')}</h1>
        <p className="jp-GovExt-summary">
          {trans.__(
            'Each member’s ballots in the formal votes held while they had a seat, per calendar year.'
          )}
        </p>
      </header>
      {error && <p className="jp-GovExt-error">{error}</p>}
      {!rows && !error && (
        <p className="jp-GovExt-empty">{trans.__('Loading…')}</p>
      )}
      {rows && rows.length === 0 && (
        <p className="jp-GovExt-empty">{trans.__('No formal votes yet.')}</p>
      )}
      {rows && rows.length > 0 && (
        <table aria-label={trans.__('Participation in formal votes')}>
          <thead>
            <tr>
              <th scope="col">{trans.__('Member')}</th>
              <th scope="col">{trans.__('Year')}</th>
              <th scope="col">{trans.__('Ballots / votes')}</th>
              <th scope="col">{trans.__('Share')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(r => (
              <tr
                key={`${r.member}-${r.year}`}
                className={r.meets ? '' : 'jp-mod-warning'}
              >
                <td>{r.member}</td>
                <td>{r.year}</td>
                <td>
                  {r.cast} / {r.open}
                </td>
                <td>
                  {Math.round(r.share * 100)}%{' '}
                  {r.meets ? '' : trans.__('(below %1)', r.required_text)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
