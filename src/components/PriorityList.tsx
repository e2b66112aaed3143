import { TranslationBundle } from '@jupyterlab/translation';
import React, { useState } from 'react';

import { IPriority } from '../api/types';
import { ItemLink, SearchBox } from './controls';

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
  /** Open a priority's document in the main area. */
  onOpen: (priorityId: string) => void;
}

/** The funding priorities: title, summary and counts; a title opens the whole priority. */
export function PriorityList(props: IPriorityListProps): JSX.Element {
  const { trans } = props;
  const [query, setQuery] = useState('');
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
        {shown.map(p => (
          <li key={p.id} className="jp-GovExt-item">
            <ItemLink
              title={p.title}
              onOpen={() => props.onOpen(p.id)}
              trans={trans}
            />
            <span className="jp-GovExt-meta">
              <span>{trans._n('%1 input', '%1 inputs', p.input_count)}</span>
              <span>
                {trans._n('%1 proposal', '%1 proposals', p.proposal_count)}
              </span>
            </span>
            <p className="jp-GovExt-summary">{p.summary}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
