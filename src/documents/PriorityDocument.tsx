import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import { TranslationBundle } from '@jupyterlab/translation';
import React from 'react';

import { Markdown } from '../components/Markdown';
import { GovernanceModel } from '../model';

/** How many of a priority's inputs the document lists before pointing to the panel's filter. */
const INPUTS_SHOWN = 20;

/**
 * A funding priority as a document: its summary, key outcomes and examples, the full text, and
 * the community input and proposals filed under it, with the way to add input about it.
 */
export function PriorityDocument(props: {
  id: string;
  model: GovernanceModel;
  rendermime: IRenderMimeRegistry | null;
  trans: TranslationBundle;
  onShowInputs: () => void;
  onSubmitInput: () => void;
  onOpenProposal: (id: string) => void;
}): JSX.Element {
  const { model, trans } = props;
  const p = model.priorities.find(x => x.id === props.id);
  if (!p) {
    return (
      <p className="jp-GovExt-empty">
        {model.loading || !model.status
          ? trans.__('Loading…')
          : trans.__(
              'There is no funding priority "%1" in this repo.',
              props.id
            )}
      </p>
    );
  }
  const inputs = model.inputs.filter(i => i.priorities.includes(p.id));
  const proposals = model.proposals.filter(x => x.priorities.includes(p.id));
  const pillars = model.pillars.filter(x => (x.priorities[p.id] ?? 0) > 0);
  return (
    <article
      className="jp-GovExt-priorityDoc"
      aria-label={trans.__('Funding priority: %1', p.title)}
    >
      <header className="jp-GovExt-docHeader">
        <h1>{p.title}</h1>
        <p className="jp-GovExt-summary">{p.summary}</p>
        <div className="jp-GovExt-actions">
          <button
            className="jp-mod-styled jp-mod-accept"
            onClick={props.onSubmitInput}
          >
            {trans.__('Submit input about this priority')}
          </button>
          <button className="jp-mod-styled" onClick={props.onShowInputs}>
            {trans.__('Show related input')}
          </button>
        </div>
      </header>
      <div className="jp-GovExt-docColumns">
        <section className="jp-GovExt-docMain" aria-label={trans.__('Text')}>
          <h2>{trans.__('Key outcomes')}</h2>
          <ul aria-label={trans.__('Key outcomes')}>
            {p.outcomes.map((o, i) => (
              <li key={i}>{o}</li>
            ))}
          </ul>
          {p.examples.length > 0 && (
            <>
              <h2>{trans.__('Examples')}</h2>
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
        </section>
        <aside
          className="jp-GovExt-docSide"
          aria-label={trans.__('Filed under this priority')}
        >
          <h2>{trans._n('%1 input', '%1 inputs', inputs.length)}</h2>
          <ul className="jp-GovExt-plainList">
            {inputs.slice(0, INPUTS_SHOWN).map(i => (
              <li key={i.id}>
                <a href={i.url} target="_blank" rel="noopener noreferrer">
                  {i.title}
                </a>{' '}
                <span className="jp-GovExt-meta">{i.author.name}</span>
              </li>
            ))}
          </ul>
          {inputs.length > INPUTS_SHOWN && (
            <button className="jp-GovExt-link" onClick={props.onShowInputs}>
              {trans.__('All %1 in the panel', inputs.length)}
            </button>
          )}
          {pillars.length > 0 && (
            <>
              <h2>{trans._n('%1 pillar', '%1 pillars', pillars.length)}</h2>
              <ul className="jp-GovExt-plainList">
                {pillars.map(x => (
                  <li key={x.id}>
                    {x.title}{' '}
                    <span className="jp-GovExt-meta">
                      {trans._n(
                        '%1 input under this priority',
                        '%1 inputs under this priority',
                        x.priorities[p.id]
                      )}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
          <h2>{trans._n('%1 proposal', '%1 proposals', proposals.length)}</h2>
          <ul className="jp-GovExt-plainList">
            {proposals.map(x => (
              <li key={x.id}>
                <button
                  className="jp-GovExt-link"
                  onClick={() => props.onOpenProposal(x.id)}
                >
                  {x.title}
                </button>{' '}
                <span className="jp-GovExt-meta">
                  {x.decision
                    ? trans.__(
                        '%1 on %2',
                        x.decision.outcome,
                        x.decision.decided.slice(0, 10)
                      )
                    : x.status}
                </span>
              </li>
            ))}
          </ul>
        </aside>
      </div>
    </article>
  );
}
