import { TranslationBundle } from '@jupyterlab/translation';
import React, { useEffect, useRef, useState } from 'react';

import { IInput, IPillar, IPriority, IProposal } from '../api/types';
import { traceLine, traceOf } from '../trace';
import { buildThreads, IInputFilter, IThread, matchesInput } from '../threads';
import { SearchBox } from './controls';

export interface IInputListProps {
  inputs: IInput[];
  topics: string[];
  priorities: IPriority[];
  proposals: IProposal[];
  filter: IInputFilter;
  onFilter: (f: IInputFilter) => void;
  onAnswer: (input: IInput) => void;
  /** The council's pillars, for what each input fed. */
  pillars?: IPillar[];
  /** This user's id: their own inputs say "your input fed …". */
  me?: string;
  trans: TranslationBundle;
  /** How many threads to render at first and per "Show more" (the itemsToShow setting). */
  pageSize?: number;
}

/** Community input as threads, with topic / priority filters and a text search. */
export function InputList(props: IInputListProps): JSX.Element {
  const { trans, filter } = props;
  const pageSize = props.pageSize ?? 100;
  // Render threads a page at a time, growing as the end comes into view: 10,000 inputs never
  // become 10,000 DOM nodes at once. Filters and scroll position survive a refresh.
  const [limit, setLimit] = useState(pageSize);
  const sentinel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const node = sentinel.current;
    if (!node || typeof IntersectionObserver === 'undefined') {
      return;
    }
    const observer = new IntersectionObserver(entries => {
      if (entries.some(e => e.isIntersecting)) {
        setLimit(l => l + pageSize);
      }
    });
    observer.observe(node);
    return () => observer.disconnect();
  });
  const shown = props.inputs.filter(i => matchesInput(i, filter));
  // Keep a reply's parent when the parent itself is filtered out: the thread stays readable.
  const threads = buildThreads(shown);
  const proposalTitle = new Map(props.proposals.map(p => [p.id, p.title]));
  const inputTitle = new Map(props.inputs.map(i => [i.id, i.title]));

  const fed = (i: IInput): JSX.Element | null => {
    const line = traceLine(
      traceOf(i, props.pillars ?? [], props.proposals),
      !!props.me && i.author.id === props.me,
      trans
    );
    return line ? (
      <p className="jp-GovExt-trace" aria-label={trans.__('What it fed')}>
        {line}
      </p>
    ) : null;
  };

  const renderThread = (t: IThread, depth: number): JSX.Element => {
    const i = t.input;
    const answered = i.responds_to
      ? (inputTitle.get(i.responds_to) ?? proposalTitle.get(i.responds_to))
      : undefined;
    return (
      <li key={i.id} className="jp-GovExt-item" data-depth={depth}>
        <a
          className="jp-GovExt-itemTitle"
          href={i.url}
          target="_blank"
          rel="noopener noreferrer"
        >
          {i.title}
        </a>
        <div className="jp-GovExt-meta">
          <span>{i.author.name || i.author.id}</span>
          {i.stakeholder && i.stakeholder !== 'community' && (
            <span>{i.stakeholder}</span>
          )}
          <time className="jp-GovExt-date" dateTime={i.submitted}>
            {i.submitted.slice(0, 10)}
          </time>
          {i.source && (
            <a
              href={i.source}
              target="_blank"
              rel="noopener noreferrer"
              title={trans.__('Imported from this forum post')}
            >
              {trans.__('via the forum')}
            </a>
          )}
          {i.topics.map(topic => (
            <span key={topic} className="jp-GovExt-tag">
              {topic}
            </span>
          ))}
          {i.priorities.map(p => (
            <span key={p} className="jp-GovExt-tag jp-mod-priority">
              {p}
            </span>
          ))}
        </div>
        {answered && depth === 0 && (
          <div className="jp-GovExt-meta">
            {trans.__('In response to: %1', answered)}
          </div>
        )}
        {i.summary && <p className="jp-GovExt-summary">{i.summary}</p>}
        {fed(i)}
        <button
          className="jp-GovExt-link"
          onClick={() => props.onAnswer(i)}
          aria-label={trans.__('Answer "%1" with your own post', i.title)}
        >
          {trans.__('Answer with your own post')}
        </button>
        {t.replies.length > 0 && (
          <ul className="jp-GovExt-thread" aria-label={trans.__('Answers')}>
            {t.replies.map(r => renderThread(r, depth + 1))}
          </ul>
        )}
      </li>
    );
  };

  return (
    <div className="jp-GovExt-inputs">
      <div className="jp-GovExt-filters">
        <SearchBox
          label={trans.__('Search community input')}
          value={filter.query}
          onChange={query => props.onFilter({ ...filter, query })}
        />
        <select
          className="jp-mod-styled"
          aria-label={trans.__('Filter by topic')}
          value={filter.topic}
          onChange={e => props.onFilter({ ...filter, topic: e.target.value })}
        >
          <option value="">{trans.__('All topics')}</option>
          {props.topics.map(t => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
        <select
          className="jp-mod-styled"
          aria-label={trans.__('Filter by funding priority')}
          value={filter.priority}
          onChange={e =>
            props.onFilter({ ...filter, priority: e.target.value })
          }
        >
          <option value="">{trans.__('All priorities')}</option>
          {props.priorities.map(p => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
        <select
          className="jp-mod-styled"
          aria-label={trans.__('Filter by stakeholder')}
          value={filter.stakeholder ?? ''}
          onChange={e =>
            props.onFilter({ ...filter, stakeholder: e.target.value })
          }
        >
          <option value="">{trans.__('All stakeholders')}</option>
          <option value="community">{trans.__('Community members')}</option>
          <option value="member-organisation">
            {trans.__('Member organisations')}
          </option>
          <option value="council">{trans.__('Council members')}</option>
          <option value="other">{trans.__('Other')}</option>
        </select>
      </div>
      {threads.length === 0 ? (
        <p className="jp-GovExt-empty">
          {props.inputs.length === 0
            ? trans.__('No community input yet. Be the first to link a post.')
            : trans.__('No input matches these filters.')}
        </p>
      ) : (
        <ul className="jp-GovExt-list" aria-label={trans.__('Community input')}>
          {threads.slice(0, limit).map(t => renderThread(t, 0))}
        </ul>
      )}
      {threads.length > limit && (
        <button
          ref={sentinel}
          className="jp-mod-styled jp-GovExt-more"
          onClick={() => setLimit(limit + pageSize)}
        >
          {trans.__(
            'Show more (%1 of %2 threads shown)',
            limit,
            threads.length
          )}
        </button>
      )}
    </div>
  );
}
