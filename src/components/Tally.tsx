import { TranslationBundle } from '@jupyterlab/translation';
import React from 'react';

import { ITally } from '../api/derived';

/** One voting body's tally in a few words: counts, quorum, and the outcome so far. */
export function TallyView(props: {
  tally: ITally;
  trans: TranslationBundle;
}): JSX.Element {
  const { tally: t, trans } = props;
  return (
    <div
      className="jp-GovExt-tally"
      role="group"
      aria-label={trans.__('Tally for %1', t.body_name)}
    >
      <span className="jp-GovExt-meta">{t.body_name}</span>
      {t.kind === 'binary' && (
        <span>
          {trans.__('Yes: %1', t.yes)} · {trans.__('No: %1', t.no)} ·{' '}
          {trans.__('Blank: %1', t.blank)}
        </span>
      )}
      {t.kind === 'binary' && t.threshold === 'two-thirds' && (
        <span>
          {trans.__(
            'Needs two thirds of the whole body: %1 yes of %2 members',
            t.yes_needed ?? 0,
            t.members
          )}
        </span>
      )}
      {t.kind === 'ranked' && (
        <span>
          {t.seats > 1
            ? trans.__(
                'Elected so far (%1 seats): %2',
                t.seats,
                t.elected.join(', ') || trans.__('none')
              )
            : trans.__('Leading: %1', t.winner ?? trans.__('none'))}
          {' · '}
          {trans.__('Blank: %1', t.blank)}
        </span>
      )}
      <span>
        {t.quorum_met
          ? trans.__('Quorum met (%1 cast, %2 needed)', t.cast, t.quorum_needed)
          : trans.__(
              'Quorum not met (%1 cast, %2 needed)',
              t.cast,
              t.quorum_needed
            )}
      </span>
      {t.signed_only && (
        <span className="jp-GovExt-signedRule">
          {t.not_counted.length > 0
            ? trans.__(
                'Only signed ballots count for %1. Not counted (not signed with a key of the allowed signers): %2',
                t.body_name,
                t.not_counted.join(', ')
              )
            : trans.__('Only signed ballots count for %1.', t.body_name)}
        </span>
      )}
      <span className="jp-GovExt-outcome">
        {t.outcome === 'accepted'
          ? trans.__('Passing')
          : trans.__('Not passing')}
      </span>
    </div>
  );
}

/** Where a count falls on a bar of `members` (in percent of its width). */
function at(count: number, members: number): number {
  return members > 0 ? (100 * Math.min(count, members)) / members : 0;
}

/**
 * A binary tally as a bar: yes, no and blank stacked over the body's seats, a line where the
 * quorum is met and, for a two-thirds vote, where enough yes ballots reach. Drawn in the theme's
 * colours (CSS variables), so it reads in the dark theme too; the numbers are in its label.
 */
export function TallyChart(props: {
  tally: ITally;
  trans: TranslationBundle;
  /** Name each colour under the bar (the document does; the sidebar's counts say it). */
  legend?: boolean;
}): JSX.Element | null {
  const { tally: t, trans } = props;
  if (t.kind !== 'binary' || t.members === 0) {
    return null;
  }
  let x = 0;
  const segments = (['yes', 'no', 'blank'] as const).map(k => {
    const width = at(t[k], t.members);
    const segment = { k, x, width };
    x += width;
    return segment;
  });
  const quorum = at(t.quorum_needed, t.members);
  const label = trans.__(
    '%1: yes %2, no %3, blank %4 of %5 members; quorum %6',
    t.body_name,
    t.yes,
    t.no,
    t.blank,
    t.members,
    t.quorum_needed
  );
  return (
    <figure className="jp-GovExt-chart">
      <svg
        role="img"
        aria-label={label}
        viewBox="0 0 100 14"
        preserveAspectRatio="none"
        className="jp-GovExt-chartBar"
      >
        <rect
          className="jp-GovExt-chartTrack"
          x={0}
          y={2}
          width={100}
          height={10}
        />
        {segments.map(s => (
          <rect
            key={s.k}
            className={`jp-GovExt-chart-${s.k}`}
            x={s.x}
            y={2}
            width={s.width}
            height={10}
          />
        ))}
        <line
          className="jp-GovExt-chartQuorum"
          x1={quorum}
          x2={quorum}
          y1={0}
          y2={14}
        />
        {t.threshold === 'two-thirds' && (
          <line
            className="jp-GovExt-chartNeeded"
            x1={at(t.yes_needed ?? 0, t.members)}
            x2={at(t.yes_needed ?? 0, t.members)}
            y1={0}
            y2={14}
          />
        )}
      </svg>
      {props.legend && (
        <figcaption className="jp-GovExt-legend">
          <span className="jp-GovExt-key jp-GovExt-chart-yes">
            {trans.__('Yes: %1', t.yes)}
          </span>
          <span className="jp-GovExt-key jp-GovExt-chart-no">
            {trans.__('No: %1', t.no)}
          </span>
          <span className="jp-GovExt-key jp-GovExt-chart-blank">
            {trans.__('Blank: %1', t.blank)}
          </span>
          <span className="jp-GovExt-key jp-GovExt-chartQuorumKey">
            {trans.__('Quorum: %1 of %2', t.quorum_needed, t.members)}
          </span>
        </figcaption>
      )}
    </figure>
  );
}

/** A ranked vote's rounds: each option's count per round, who was elected or eliminated. */
export function RoundsTable(props: {
  tally: ITally;
  trans: TranslationBundle;
}): JSX.Element | null {
  const { tally: t, trans } = props;
  if (t.kind !== 'ranked') {
    return null;
  }
  const options = Object.keys(t.rounds[0]?.counts ?? {});
  return (
    <div className="jp-GovExt-roundsWrap">
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
        <thead>
          <tr>
            <th scope="col">{trans.__('Round')}</th>
            {options.map(o => (
              <th scope="col" key={o}>
                {o}
              </th>
            ))}
            <th scope="col">{trans.__('Result')}</th>
          </tr>
        </thead>
        <tbody>
          {t.rounds.map((r, n) => (
            <tr key={n}>
              <th scope="row">{trans.__('Round %1', n + 1)}</th>
              {options.map(o => (
                <td key={o}>{r.counts[o] ?? '—'}</td>
              ))}
              <td>
                {[
                  r.elected.length > 0
                    ? trans.__('%1 elected', r.elected.join(', '))
                    : '',
                  r.eliminated.length > 0
                    ? trans.__('%1 eliminated', r.eliminated.join(', '))
                    : ''
                ]
                  .filter(Boolean)
                  .join(' · ')}
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
  );
}
