import { TranslationBundle } from '@jupyterlab/translation';
import React, { useState } from 'react';

import { BallotValue } from '../api/derived';
import { IBallotRequest, IProposal } from '../api/types';
import { BallotFooter } from './controls';
import { RankedBallotForm } from './RankedBallotForm';

/** A yes / no / blank ballot with an optional comment. */
function BinaryBallotForm(props: {
  proposal: IProposal;
  onCast: (p: IProposal, ballot: IBallotRequest) => Promise<void>;
  trans: TranslationBundle;
}): JSX.Element {
  const { proposal: p, trans } = props;
  const [value, setValue] = useState<BallotValue | ''>(
    p.my_ballot?.value ?? ''
  );
  const [comment, setComment] = useState(p.my_ballot?.comment ?? '');
  const labels: Record<BallotValue, string> = {
    yes: trans.__('Yes'),
    no: trans.__('No'),
    blank: trans.__('Blank')
  };
  return (
    <form
      className="jp-GovExt-ballot"
      onSubmit={e => {
        e.preventDefault();
        if (value) {
          void props.onCast(p, { value, comment });
        }
      }}
    >
      <div role="radiogroup" aria-label={trans.__('Your ballot')}>
        {(['yes', 'no', 'blank'] as BallotValue[]).map(v => (
          <label key={v} className="jp-GovExt-check">
            <input
              type="radio"
              name={`ballot-${p.id}`}
              checked={value === v}
              onChange={() => setValue(v)}
            />
            {labels[v]}
          </label>
        ))}
      </div>
      <BallotFooter
        comment={comment}
        onComment={setComment}
        canCast={!!value}
        current={p.my_ballot ? labels[p.my_ballot.value ?? 'blank'] : null}
        trans={trans}
      />
    </form>
  );
}

/** The ballot form this proposal takes, if this user may vote on it now. */
export function BallotForm(props: {
  proposal: IProposal;
  onCast: (p: IProposal, ballot: IBallotRequest) => Promise<void>;
  trans: TranslationBundle;
}): JSX.Element | null {
  if (!props.proposal.can_vote) {
    return null;
  }
  return props.proposal.kind === 'ranked' ? (
    <RankedBallotForm {...props} />
  ) : (
    <BinaryBallotForm {...props} />
  );
}
