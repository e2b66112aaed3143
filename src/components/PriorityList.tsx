import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useState } from 'react';

import { IPriority } from '../api/types';
import { Markdown } from './Markdown';
import { SearchBox } from './controls';

/** Does a priority match a text query (title, summary, outcomes, examples)? */
export function matchesPriority(p: IPriority, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) {
    return true;
  }
  return [p.title, p.summary, ...p.outcomes, ...p.examples]
    .join('\n')
    .toLowerCase()
    .includes(q);
}

export interface IPriorityListProps {
  priorities: IPriority[];
  trans: TranslationBundle;
  rendermime: IRenderMimeRegistry | null;
  onShowInputs?: (priorityId: string) => void;
}

/** The funding priorities: title and summary, opening to outcomes, examples and the full text. */
export function PriorityList(props: IPriorityListProps): JSX.Element {
  const { trans } = props;
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  if (props.priorities.length === 0) {
    return (
      <p className="jp-GovExt-empty">
        {trans.__('No funding priorities yet. Add files under priorities/.')}
      </p>
    );
  }
  const shown = props.priorities.filter(p => matchesPriority(p, query));
  return (
    <div className="jp-GovExt-priorities">
      <SearchBox
        label={trans.__('Search funding priorities')}
        value={query}
        onChange={setQuery}
      />
      {shown.length === 0 && (
        <p className="jp-GovExt-empty">{trans.__('No priority matches.')}</p>
      )}
      <ul className="jp-GovExt-list">
        {shown.map(p => {
          const expanded = open === p.id;
          return (
            <li key={p.id} className="jp-GovExt-item">
              <button
                className="jp-GovExt-itemHeader"
                aria-expanded={expanded}
                onClick={() => setOpen(expanded ? null : p.id)}
              >
                <span className="jp-GovExt-itemTitle">{p.title}</span>
                <span className="jp-GovExt-meta">
                  {trans._n('%1 input', '%1 inputs', p.input_count)}
                  {' · '}
                  {trans._n('%1 proposal', '%1 proposals', p.proposal_count)}
                </span>
              </button>
              <p className="jp-GovExt-summary">{p.summary}</p>
              {expanded && (
                <div
                  className="jp-GovExt-details"
                  role="region"
                  aria-label={p.title}
                >
                  <h4>{trans.__('Key outcomes')}</h4>
                  <ul aria-label={trans.__('Key outcomes')}>
                    {p.outcomes.map((o, i) => (
                      <li key={i}>{o}</li>
                    ))}
                  </ul>
                  {p.examples.length > 0 && (
                    <>
                      <h4>{trans.__('Examples')}</h4>
                      <ul aria-label={trans.__('Examples')}>
                        {p.examples.map((o, i) => (
                          <li key={i}>{o}</li>
                        ))}
                      </ul>
                    </>
                  )}
                  {props.rendermime && p.body && (
                    <Markdown rendermime={props.rendermime} source={p.body} />
                  )}
                  {props.onShowInputs && (
                    <button
                      className="jp-mod-styled jp-mod-accept"
                      onClick={() => props.onShowInputs?.(p.id)}
                    >
                      {trans.__('Show related input')}
                    </button>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
