import { TranslationBundle } from '@jupyterlab/translation';
import React from 'react';

import { IHistoryEvent } from '../api/types';

/** A commit's signature as git verified it, in words. */
export function signatureText(
  e: Pick<IHistoryEvent, 'signature' | 'signer'>,
  trans: TranslationBundle
): string {
  switch (e.signature) {
    case 'good':
      return e.signer
        ? trans.__('Signed: good (%1)', e.signer)
        : trans.__('Signed: good');
    case 'unknown':
      return trans.__('Signed by an unknown key');
    case 'bad':
      return trans.__('Bad signature');
    default:
      return trans.__('Not signed');
  }
}

/** What a step of a proposal's life is called, with who took it. */
function stepText(e: IHistoryEvent, trans: TranslationBundle): string {
  const who = e.members.join(', ') || e.author;
  switch (e.kind) {
    case 'drafted':
      return trans.__('Drafted by %1', e.author);
    case 'edited':
      return trans.__('Edited by %1', e.author);
    case 'feedback':
      return trans.__('Opened for feedback by %1', e.author);
    case 'called':
      return trans.__('Vote called by %1', e.author);
    case 'seconded':
      return trans.__('Seconded by %1: the vote opened', e.author);
    case 'withdrawn':
      return trans.__('Withdrawn by %1', e.author);
    case 'closed':
      return trans.__('Closed: %1', e.subject.split(': ').pop() ?? '');
    case 'ballot':
      return trans.__('Ballot cast by %1', who);
    case 'ballot_changed':
      return trans.__('Ballot changed by %1', who);
    default:
      return trans.__('Changed by %1: "%2"', e.author, e.subject);
  }
}

/** A proposal's life from the repo's history, oldest first: each step, its time and commit. */
export function History(props: {
  events: IHistoryEvent[] | null;
  /** The repo's allowed-signers file, when governance.yml names one. */
  allowedSigners?: string | null;
  trans: TranslationBundle;
}): JSX.Element {
  const { events, trans } = props;
  if (events === null) {
    return <p className="jp-GovExt-empty">{trans.__('Loading…')}</p>;
  }
  if (events.length === 0) {
    return (
      <p className="jp-GovExt-empty">
        {trans.__('Not committed yet: there is no history.')}
      </p>
    );
  }
  const signed = events.some(e => e.signature !== 'missing');
  return (
    <>
      {(signed || props.allowedSigners) && (
        <p className="jp-GovExt-note">
          {props.allowedSigners
            ? trans.__(
                'Signatures are verified by git against the allowed signers in %1.',
                props.allowedSigners
              )
            : trans.__(
                'Signatures are verified by git; this repo names no allowed signers, so no key is known.'
              )}
        </p>
      )}
      <ol className="jp-GovExt-history" aria-label={trans.__('History')}>
        {events.map(e => (
          <li key={`${e.commit}-${e.kind}`} className={`jp-mod-${e.kind}`}>
            <span className="jp-GovExt-step">{stepText(e, trans)}</span>
            <time className="jp-GovExt-date" dateTime={e.time}>
              {new Date(e.time).toLocaleString()}
            </time>
            <code className="jp-GovExt-commit" title={e.commit}>
              {e.commit.slice(0, 7)}
            </code>
            {(signed || e.kind.startsWith('ballot')) && (
              <span className={`jp-GovExt-signature jp-mod-${e.signature}`}>
                {signatureText(e, trans)}
              </span>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
