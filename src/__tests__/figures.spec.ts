import { nullTranslator } from '@jupyterlab/translation';

import { IFigure } from '../api/types';
import { signatureText } from '../components/History';
import {
  columnsOf,
  csvCell,
  figureSpec,
  growthHeadline,
  monthBefore,
  toCsv
} from '../figures';

const trans = nullTranslator.load('jupyter_gov_ext');

describe('copy as CSV', () => {
  it('writes a header and one line per row, every column of every row', () => {
    const rows = [
      { month: '2025-01', new: 2, returning: 0 },
      { month: '2025-02', new: 1, returning: 1, note: 'late' }
    ];
    expect(columnsOf(rows)).toEqual(['month', 'new', 'returning', 'note']);
    expect(toCsv(rows)).toBe(
      'month,new,returning,note\r\n2025-01,2,0,\r\n2025-02,1,1,late\r\n'
    );
  });

  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('Grow, sustain')).toBe('"Grow, sustain"');
    expect(csvCell('say "yes"')).toBe('"say ""yes"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(['a', 'b'])).toBe('a; b');
  });

  it('never hands a spreadsheet a formula someone typed as a title', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(
      '"\'=HYPERLINK(""http://evil"")"'
    );
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-3)).toBe('-3'); // a number stays a number
  });
});

describe('figure charts', () => {
  const figure = (id: string, rows: IFigure['rows']): IFigure => ({
    id,
    title: id,
    description: `About ${id}`,
    rows
  });

  it('draws every figure from its own rows, as Vega-Lite', () => {
    const rows = [{ month: '2025-01', new: 1, returning: 0 }];
    for (const id of [
      'contributors',
      'inputs-by-priority',
      'inputs-by-stakeholder',
      'time-to-decision',
      'ballots-per-vote',
      'participation'
    ]) {
      const spec = figureSpec(figure(id, rows), trans) as {
        $schema: string;
        data: { values: unknown[] };
        description: string;
      };
      expect(spec.$schema).toContain('vega-lite/v5');
      expect(spec.data.values).toBe(rows);
      expect(spec.description).toBe(`About ${id}`);
    }
  });

  it('stacks new and returning contributors per month', () => {
    const spec = figureSpec(figure('contributors', []), trans) as {
      transform: { fold: string[] }[];
    };
    expect(spec.transform[0].fold).toEqual(['new', 'returning']);
  });
});

describe('signatures in the history', () => {
  it('says what git found, in words', () => {
    expect(
      signatureText({ signature: 'good', signer: 'alice@example.org' }, trans)
    ).toBe('Signed: good (alice@example.org)');
    expect(signatureText({ signature: 'unknown', signer: '' }, trans)).toBe(
      'Signed by an unknown key'
    );
    expect(signatureText({ signature: 'missing', signer: '' }, trans)).toBe(
      'Not signed'
    );
    expect(signatureText({ signature: 'bad', signer: '' }, trans)).toBe(
      'Bad signature'
    );
  });
});

describe('are we growing?', () => {
  const month = (m: string, n: number, total: number) => ({
    month: m,
    new: n,
    returning: 0,
    contributors: n,
    total_so_far: total
  });
  const rows = [
    month('2026-01', 1, 1),
    month('2026-02', 0, 1),
    month('2026-03', 1, 2),
    month('2026-04', 2, 4),
    month('2026-05', 1, 5),
    month('2026-06', 1, 6)
  ];

  it('compares the newcomers of the last three months with the three before', () => {
    expect(growthHeadline(rows, trans, new Date('2026-06-20T12:00:00Z'))).toBe(
      '6 people have given input. From 2026-04 to 2026-06, 4 gave input for the first time (2 in the three months before): growing.'
    );
  });

  it('counts the quiet months up to now as quiet', () => {
    // No input since June: by September, nobody new in three months.
    expect(growthHeadline(rows, trans, new Date('2026-09-02T00:00:00Z'))).toBe(
      '6 people have given input. From 2026-07 to 2026-09, 0 gave input for the first time (4 in the three months before): slowing.'
    );
    expect(monthBefore(new Date('2026-01-15T00:00:00Z'), 2)).toBe('2025-11');
    expect(growthHeadline([], trans)).toBeNull();
  });
});
