import { TranslationBundle } from '@jupyterlab/translation';

import { IFigure } from './api/types';

type Row = IFigure['rows'][number];

/** The columns of a table of rows: every key, in the order they first appear. */
export function columnsOf(rows: Row[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) {
    Object.keys(row).forEach(k => seen.add(k));
  }
  return [...seen];
}

/** One CSV cell (RFC 4180 quoting). Text that a spreadsheet would run as a formula is
 * prefixed with an apostrophe: a title someone typed is data, never a formula. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) {
    return '';
  }
  let text = Array.isArray(value) ? value.join('; ') : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`;
  }
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV, a header line first: what "Copy as CSV" puts on the clipboard. */
export function toCsv(rows: Row[]): string {
  const columns = columnsOf(rows);
  const lines = [columns.map(csvCell).join(',')];
  for (const row of rows) {
    lines.push(columns.map(c => csvCell(row[c])).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';
/** One row per proposal, in the rows' order (by date), labelled with its title. */
const BY_PROPOSAL = {
  field: 'title',
  type: 'nominal',
  sort: null,
  title: null,
  axis: { labelLimit: 200 }
};
/** An axis of whole counts: no 0.5 of a ballot. */
const COUNT_AXIS = { tickMinStep: 1, format: 'd' };
const WIDTH = 520;

/** A stacked bar per month, coloured by `group`. */
function perMonth(
  rows: Row[],
  group: string,
  title: string,
  trans: TranslationBundle
): Record<string, unknown> {
  return {
    data: { values: rows },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      x: { field: 'month', type: 'ordinal', title: trans.__('Month') },
      y: {
        field: 'inputs',
        type: 'quantitative',
        title: trans.__('Inputs'),
        axis: COUNT_AXIS
      },
      color: {
        field: group,
        type: 'nominal',
        title,
        // Priorities have long titles: one per line under the chart, whole.
        legend: { orient: 'bottom', columns: 1, labelLimit: 480 }
      }
    }
  };
}

/** The Vega-Lite chart of a figure, drawn by JupyterLab's own renderer (theme-aware). */
export function figureSpec(
  figure: IFigure,
  trans: TranslationBundle
): Record<string, unknown> {
  const rows = figure.rows;
  let chart: Record<string, unknown>;
  switch (figure.id) {
    case 'contributors':
      chart = {
        data: { values: rows },
        transform: [{ fold: ['new', 'returning'], as: ['kind', 'people'] }],
        mark: { type: 'bar', tooltip: true },
        encoding: {
          x: { field: 'month', type: 'ordinal', title: trans.__('Month') },
          y: {
            field: 'people',
            type: 'quantitative',
            title: trans.__('Contributors'),
            axis: COUNT_AXIS
          },
          color: {
            field: 'kind',
            type: 'nominal',
            title: null,
            sort: ['new', 'returning']
          }
        }
      };
      break;
    case 'inputs-by-priority':
      chart = perMonth(rows, 'priority', trans.__('Funding priority'), trans);
      break;
    case 'inputs-by-stakeholder':
      chart = perMonth(rows, 'stakeholder', trans.__('Stakeholder'), trans);
      break;
    case 'time-to-decision':
      chart = {
        data: { values: rows },
        mark: { type: 'bar', tooltip: true },
        encoding: {
          y: BY_PROPOSAL,
          x: {
            field: 'days_to_decision',
            type: 'quantitative',
            title: trans.__('Days from draft to decision')
          },
          color: { field: 'outcome', type: 'nominal', title: null }
        }
      };
      break;
    case 'ballots-per-vote':
      // The members who could vote as a pale bar, the ballots counted over it.
      chart = {
        data: { values: rows },
        encoding: {
          y: BY_PROPOSAL,
          tooltip: [
            { field: 'title' },
            { field: 'ballots' },
            { field: 'members' },
            { field: 'turnout', format: '.0%' }
          ]
        },
        layer: [
          {
            mark: { type: 'bar', opacity: 0.25 },
            encoding: {
              x: {
                field: 'members',
                type: 'quantitative',
                title: trans.__('Ballots, of the members who could vote'),
                axis: COUNT_AXIS
              }
            }
          },
          {
            mark: 'bar',
            encoding: { x: { field: 'ballots', type: 'quantitative' } }
          }
        ]
      };
      break;
    default:
      chart = {
        data: { values: rows },
        mark: { type: 'rect', tooltip: true },
        width: { step: 64 },
        encoding: {
          x: { field: 'year', type: 'ordinal', title: trans.__('Year') },
          y: { field: 'member', type: 'nominal', title: null },
          color: {
            field: 'share',
            type: 'quantitative',
            title: trans.__('Share of votes'),
            scale: { domain: [0, 1] }
          }
        }
      };
  }
  return {
    $schema: SCHEMA,
    description: figure.description,
    width: WIDTH,
    ...chart
  };
}

/** The month `back` months before `now`'s, as "YYYY-MM" (UTC, as the server's months). */
export function monthBefore(now: Date, back: number): string {
  const d = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)
  );
  return d.toISOString().slice(0, 7);
}

/** "Are we growing?" in one line, from the contributors figure's monthly rows: everyone who gave
 * input so far, and the newcomers of the last three months (to `now`) against the three before. */
export function growthHeadline(
  rows: IFigure['rows'],
  trans: TranslationBundle,
  now: Date = new Date()
): string | null {
  if (rows.length === 0) {
    return null;
  }
  const newcomers = new Map(
    rows.map(r => [String(r['month']), Number(r['new'] ?? 0)])
  );
  const count = (from: number, to: number) => {
    let sum = 0;
    for (let back = from; back < to; back++) {
      sum += newcomers.get(monthBefore(now, back)) ?? 0;
    }
    return sum;
  };
  const total = Number(rows[rows.length - 1]['total_so_far'] ?? 0);
  const recent = count(0, 3);
  const before = count(3, 6);
  const trend =
    recent > before
      ? trans.__('growing')
      : recent < before
        ? trans.__('slowing')
        : trans.__('steady');
  return trans.__(
    '%1 people have given input. From %2 to %3, %4 gave input for the first time (%5 in the three months before): %6.',
    total,
    monthBefore(now, 2),
    monthBefore(now, 0),
    recent,
    before,
    trend
  );
}
