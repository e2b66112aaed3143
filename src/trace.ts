import { TranslationBundle } from '@jupyterlab/translation';

import { IInput, IPillar, IProposal } from './api/types';

/** The MIME type JupyterLab's Vega-Lite renderer draws. */
export const VEGA_LITE = 'application/vnd.vegalite.v5+json';

/** What became of one input: the pillars it supports and the proposals it fed (directly cited
 * or through a pillar), with their outcome. */
export interface IInputTrace {
  pillars: IPillar[];
  proposals: IProposal[];
}

export function traceOf(
  input: Pick<IInput, 'id'>,
  pillars: IPillar[],
  proposals: IProposal[]
): IInputTrace {
  const supports = pillars.filter(p => p.inputs.includes(input.id));
  const via = new Set(supports.map(p => p.id));
  return {
    pillars: supports,
    proposals: proposals.filter(
      x => x.cites.includes(input.id) || x.pillars.some(id => via.has(id))
    )
  };
}

/** The trace in one line, "your input fed …" on the user's own inputs; '' when it fed nothing. */
export function traceLine(
  trace: IInputTrace,
  mine: boolean,
  trans: TranslationBundle
): string {
  const parts: string[] = [];
  if (trace.pillars.length > 0) {
    const names = trace.pillars.map(p => `"${p.title}"`).join(', ');
    parts.push(
      mine
        ? trans._n(
            'Your input fed pillar %2',
            'Your input fed pillars %2',
            trace.pillars.length,
            names
          )
        : trans._n(
            'Fed pillar %2',
            'Fed pillars %2',
            trace.pillars.length,
            names
          )
    );
  } else if (trace.proposals.length > 0 && mine) {
    parts.push(trans.__('Your input is cited'));
  }
  for (const x of trace.proposals) {
    parts.push(
      x.decision
        ? trans.__(
            'proposal "%1": %2 on %3',
            x.title,
            x.decision.outcome,
            x.decision.decided.slice(0, 10)
          )
        : trans.__('proposal "%1": %2', x.title, x.status)
    );
  }
  return parts.join(' · ');
}

/** One node of the trace graph: an input, a pillar, the proposal or its decision. */
interface ITraceNode {
  id: string;
  stage: string;
  x: number;
  y: number;
  label: string;
  detail: string;
}

/** Spread `n` nodes evenly over the height of the graph (0 to 1, top first). */
function spread(k: number, n: number): number {
  return 1 - (k + 0.5) / n;
}

function short(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The way from community input to a decision, as a Vega-Lite graph (drawn by JupyterLab's own
 * Vega renderer): inputs → pillars → the proposal → its decision, one column each.
 */
export function traceGraph(
  proposal: IProposal,
  pillars: IPillar[],
  inputs: IInput[],
  trans: TranslationBundle
): Record<string, unknown> {
  const used = pillars.filter(p => proposal.pillars.includes(p.id));
  const byId = new Map(inputs.map(i => [i.id, i]));
  const inputIds = Array.from(
    new Set([...used.flatMap(p => p.inputs), ...proposal.cites])
  ).filter(id => byId.has(id));
  const stages = {
    input: trans.__('Community input'),
    pillar: trans.__('Pillars'),
    proposal: trans.__('Proposal'),
    decision: trans.__('Decision')
  };
  const nodes: ITraceNode[] = [
    ...inputIds.map((id, k) => {
      const i = byId.get(id)!;
      return {
        id,
        stage: stages.input,
        x: 0,
        y: spread(k, inputIds.length),
        label: short(i.title),
        detail: `${i.author.name || i.author.id}${i.stakeholder ? ` (${i.stakeholder})` : ''}`
      };
    }),
    ...used.map((p, k) => ({
      id: p.id,
      stage: stages.pillar,
      x: 1,
      y: spread(k, used.length),
      label: short(p.title),
      detail: trans._n('%1 input', '%1 inputs', p.inputs.length)
    })),
    {
      id: proposal.id,
      stage: stages.proposal,
      x: 2,
      y: 0.5,
      label: short(proposal.title),
      detail: proposal.status
    },
    {
      id: 'decision',
      stage: stages.decision,
      x: 3,
      y: 0.5,
      label: proposal.decision
        ? `${proposal.decision.outcome} (${proposal.decision.decided.slice(0, 10)})`
        : trans.__('not decided yet (%1)', proposal.status),
      detail: proposal.decision?.decided ?? ''
    }
  ];
  const at = new Map(nodes.map(n => [n.id, n]));
  const edge = (from: string, to: string) => {
    const a = at.get(from)!;
    const b = at.get(to)!;
    return { x: a.x, y: a.y, x2: b.x, y2: b.y };
  };
  const viaPillar = new Set(used.flatMap(p => p.inputs));
  const edges = [
    ...used.flatMap(p =>
      p.inputs.filter(id => at.has(id)).map(id => edge(id, p.id))
    ),
    ...used.map(p => edge(p.id, proposal.id)),
    ...inputIds
      .filter(id => !viaPillar.has(id))
      .map(id => edge(id, proposal.id)),
    edge(proposal.id, 'decision')
  ];
  const axis = { axis: null };
  const x = {
    field: 'x',
    type: 'quantitative',
    scale: { domain: [-0.1, 3.9] },
    ...axis
  };
  const y = {
    field: 'y',
    type: 'quantitative',
    scale: { domain: [0, 1] },
    ...axis
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    description: trans.__(
      'From community input to the decision: inputs, pillars, proposal, decision'
    ),
    width: 640,
    height: Math.max(120, 28 * Math.max(inputIds.length, used.length, 1)),
    view: { stroke: null },
    layer: [
      {
        data: { values: edges },
        mark: { type: 'rule', opacity: 0.5 },
        encoding: { x, y, x2: { field: 'x2' }, y2: { field: 'y2' } }
      },
      {
        data: { values: nodes },
        mark: { type: 'circle', size: 140, opacity: 1 },
        encoding: {
          x,
          y,
          color: {
            field: 'stage',
            type: 'nominal',
            sort: Object.values(stages),
            legend: { title: null, orient: 'bottom' }
          },
          tooltip: [{ field: 'label' }, { field: 'detail' }]
        }
      },
      {
        data: { values: nodes },
        mark: { type: 'text', align: 'left', dx: 9, limit: 150 },
        encoding: { x, y, text: { field: 'label' } }
      }
    ]
  };
}
