import { TranslationBundle } from '@jupyterlab/translation';
import React, { useState } from 'react';

import { IBallotRequest, IProposal } from '../api/types';
import { BallotFooter } from './controls';

/** Move item `i` of `list` by `delta` places (a pure helper, so it is easy to test). */
export function move<T>(list: T[], i: number, delta: number): T[] {
  const j = i + delta;
  if (j < 0 || j >= list.length) {
    return list;
  }
  const out = [...list];
  [out[i], out[j]] = [out[j], out[i]];
  return out;
}

/**
 * A ranked ballot as an ordered list that keyboard and screen-reader users can reorder with
 * "Move up" / "Move down" buttons (no drag and drop needed); unticked options are left unranked.
 */
export function RankedBallotForm(props: {
  proposal: IProposal;
  onCast: (p: IProposal, ballot: IBallotRequest) => Promise<void>;
  trans: TranslationBundle;
}): JSX.Element {
  const { proposal: p, trans } = props;
  const mine = p.my_ballot?.ranking ?? [];
  const [order, setOrder] = useState<string[]>([
    ...mine,
    ...p.options.filter(o => !mine.includes(o))
  ]);
  const [included, setIncluded] = useState<Set<string>>(
    new Set(mine.length ? mine : p.options)
  );
  const [comment, setComment] = useState(p.my_ballot?.comment ?? '');
  // Every formal vote offers a blank ballot, ranked votes too: it counts toward the quorum only.
  const [blank, setBlank] = useState(p.my_ballot?.value === 'blank');
  const ranking = order.filter(o => included.has(o));
  return (
    <form
      className="jp-GovExt-ballot"
      onSubmit={e => {
        e.preventDefault();
        if (blank) {
          void props.onCast(p, { value: 'blank', comment });
        } else if (ranking.length) {
          void props.onCast(p, { ranking, comment });
        }
      }}
    >
      <label className="jp-GovExt-check">
        <input
          type="checkbox"
          checked={blank}
          onChange={() => setBlank(!blank)}
        />
        {trans.__('Blank (counts toward the quorum, not the result)')}
      </label>
      <ol
        aria-label={trans.__('Your ranking')}
        className="jp-GovExt-ranking"
        hidden={blank}
      >
        {order.map((o, i) => (
          <li key={o}>
            <label className="jp-GovExt-check">
              <input
                type="checkbox"
                checked={included.has(o)}
                onChange={() => {
                  const next = new Set(included);
                  if (next.has(o)) {
                    next.delete(o);
                  } else {
                    next.add(o);
                  }
                  setIncluded(next);
                }}
              />
              {o}
            </label>
            <button
              type="button"
              className="jp-GovExt-link"
              aria-label={trans.__('Move %1 up', o)}
              disabled={i === 0}
              onClick={() => setOrder(move(order, i, -1))}
            >
              ↑
            </button>
            <button
              type="button"
              className="jp-GovExt-link"
              aria-label={trans.__('Move %1 down', o)}
              disabled={i === order.length - 1}
              onClick={() => setOrder(move(order, i, 1))}
            >
              ↓
            </button>
          </li>
        ))}
      </ol>
      <BallotFooter
        comment={comment}
        onComment={setComment}
        canCast={blank || ranking.length > 0}
        current={
          p.my_ballot?.value === 'blank'
            ? trans.__('Blank')
            : p.my_ballot?.ranking
              ? p.my_ballot.ranking.join(' > ')
              : null
        }
        trans={trans}
      />
    </form>
  );
}
