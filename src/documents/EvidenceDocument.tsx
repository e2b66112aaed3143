import { Clipboard, Notification } from '@jupyterlab/apputils';
import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useEffect, useState } from 'react';

import { IFigure, IFigures } from '../api/types';
import { Rendered } from '../components/Markdown';
import { columnsOf, figureSpec, growthHeadline, toCsv } from '../figures';
import { GovernanceModel } from '../model';
import { VEGA_LITE } from '../trace';

/** One figure: its chart, the rows as a table on demand, and "Copy as CSV". */
function FigureView(props: {
  figure: IFigure;
  rendermime: IRenderMimeRegistry | null;
  trans: TranslationBundle;
}): JSX.Element {
  const { figure, trans } = props;
  const columns = columnsOf(figure.rows);
  const copy = () => {
    Clipboard.copyToSystem(toCsv(figure.rows));
    Notification.info(trans.__('Copied "%1" as CSV.', figure.title), {
      autoClose: 3000
    });
  };
  return (
    <section
      className="jp-GovExt-figure"
      aria-label={figure.title}
      data-figure={figure.id}
    >
      <h2>{figure.title}</h2>
      <p className="jp-GovExt-summary">{figure.description}</p>
      {figure.rows.length === 0 ? (
        <p className="jp-GovExt-empty">{trans.__('Nothing recorded yet.')}</p>
      ) : (
        <>
          {props.rendermime && (
            <Rendered
              rendermime={props.rendermime}
              mimeType={VEGA_LITE}
              data={figureSpec(figure, trans) as never}
              className="jp-GovExt-figureChart"
              label={figure.title}
            />
          )}
          <div className="jp-GovExt-docButtons">
            <button className="jp-mod-styled" onClick={copy}>
              {trans.__('Copy as CSV')}
            </button>
          </div>
          <details>
            <summary>
              {trans.__('Show the data (%1 rows)', figure.rows.length)}
            </summary>
            <div className="jp-GovExt-tableScroll">
              <table aria-label={trans.__('Data of %1', figure.title)}>
                <thead>
                  <tr>
                    {columns.map(c => (
                      <th scope="col" key={c}>
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {figure.rows.map((row, n) => (
                    <tr key={n}>
                      {columns.map(c => (
                        <td key={c}>{String(row[c] ?? '')}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  );
}

/**
 * "Are we growing?" and "was this vote counted right?": the figures computed from the repo's
 * records, each with its data, and every decided vote with a way to recount it in a notebook.
 */
export function EvidenceDocument(props: {
  model: GovernanceModel;
  rendermime: IRenderMimeRegistry | null;
  trans: TranslationBundle;
  onAudit: (id: string) => Promise<void>;
  /** Compute the same in a notebook anyone can run again. */
  onNotebook: () => Promise<void>;
}): JSX.Element {
  const { model, trans } = props;
  const [figures, setFigures] = useState<IFigures | null>(null);
  const [error, setError] = useState('');
  const head = model.status?.head ?? '';
  useEffect(() => {
    model
      .figures()
      .then(setFigures)
      .catch(e => setError(String(e.message ?? e)));
  }, [head]);
  const contributors = figures?.figures.find(f => f.id === 'contributors');
  const headline = contributors
    ? growthHeadline(contributors.rows, trans)
    : null;
  const decided = model.proposals.filter(
    p => p.status === 'accepted' || p.status === 'rejected'
  );
  return (
    <article
      className="jp-GovExt-evidenceDoc"
      aria-label={trans.__('Growth and decisions')}
    >
      <header className="jp-GovExt-docHeader">
        <h1>{trans.__('Growth and decisions')}</h1>
        <p className="jp-GovExt-summary">
          {figures?.head
            ? trans.__(
                'Computed from the governance repo at commit %1. Anyone can compute the same in a notebook with jupyter_gov_ext.evidence.',
                figures.head.slice(0, 7)
              )
            : trans.__('Computed from the governance repo.')}
        </p>
        <div className="jp-GovExt-docButtons">
          <button
            className="jp-mod-styled"
            title={trans.__(
              'Every figure and every recount, in a notebook anyone can run again on their clone'
            )}
            onClick={() => void props.onNotebook()}
          >
            {trans.__('Re-run in a notebook')}
          </button>
        </div>
      </header>
      {headline && (
        <p className="jp-GovExt-headline" role="status">
          {headline}
        </p>
      )}
      {error && <p className="jp-GovExt-error">{error}</p>}
      {!figures && !error && (
        <p className="jp-GovExt-empty">{trans.__('Loading…')}</p>
      )}
      {figures?.figures.map(f => (
        <FigureView
          key={f.id}
          figure={f}
          rendermime={props.rendermime}
          trans={trans}
        />
      ))}
      <section
        className="jp-GovExt-audits"
        aria-label={trans.__('Was each vote counted right?')}
      >
        <h2>{trans.__('Was each vote counted right?')}</h2>
        {decided.length === 0 ? (
          <p className="jp-GovExt-empty">{trans.__('No decided votes yet.')}</p>
        ) : (
          <ul className="jp-GovExt-plainList">
            {decided.map(p => (
              <li key={p.id}>
                <span className="jp-GovExt-itemTitle">{p.title}</span>{' '}
                <span className={`jp-GovExt-status jp-mod-${p.status}`}>
                  {p.status}
                </span>{' '}
                <button
                  className="jp-mod-styled jp-mod-small"
                  aria-label={trans.__('Audit "%1" in a notebook', p.title)}
                  onClick={() => void props.onAudit(p.id)}
                >
                  {trans.__('Audit in a notebook')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
