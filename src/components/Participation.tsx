import { TranslationBundle } from '@jupyterlab/translation';
import React, { useState } from 'react';

import { GovernanceClient } from '../api/client';
import { IParticipationRow } from '../api/types';

/** Each member's share of formal votes per calendar year, against the required participation. */
export function Participation(props: {
  client: GovernanceClient;
  trans: TranslationBundle;
}): JSX.Element {
  const { trans } = props;
  const [rows, setRows] = useState<IParticipationRow[] | null>(null);
  const [error, setError] = useState('');
  const load = () =>
    props.client
      .participation()
      .then(setRows)
      .catch(e => setError(String(e.message ?? e)));
  return (
    <details
      className="jp-GovExt-participation"
      onToggle={e => {
        if ((e.target as HTMLDetailsElement).open) {
          void load();
        }
      }}
    >
      <summary>{trans.__('Participation in formal votes')}</summary>
      {error && <p className="jp-GovExt-error">{error}</p>}
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
    </details>
  );
}
