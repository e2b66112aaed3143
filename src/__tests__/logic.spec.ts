import { toError } from '../api/client';
import { nullTranslator } from '@jupyterlab/translation';

import { IInput, IPillar, IProposal } from '../api/types';
import { queueOf } from '../documents/SynthesisBoard';
import { traceLine, traceOf } from '../trace';
import { groupProposals } from '../components/VoteList';
import { buildThreads, matchesInput } from '../threads';
import { emptyDraft, isHttpUrl, validateDraft } from '../validation';

function input(
  id: string,
  submitted: string,
  extra: Partial<IInput> = {}
): IInput {
  return {
    id,
    title: `Title ${id}`,
    url: `https://example.org/${id}`,
    author: { id: 'alice', name: 'Alice' },
    submitted,
    topics: ['community'],
    priorities: [],
    own_content: true,
    summary: '',
    responds_to: null,
    stakeholder: 'community',
    prompt: null,
    source: null,
    ...extra
  };
}

describe('threads', () => {
  it('puts an answer under the input it answers, threads newest first', () => {
    const threads = buildThreads([
      input('a', '2026-01-01T00:00:00Z'),
      input('b', '2026-02-01T00:00:00Z'),
      input('c', '2026-03-01T00:00:00Z', { responds_to: 'a' }),
      input('d', '2026-04-01T00:00:00Z', { responds_to: 'c' })
    ]);
    expect(threads.map(t => t.input.id)).toEqual(['b', 'a']);
    const a = threads[1];
    expect(a.replies.map(r => r.input.id)).toEqual(['c']);
    expect(a.replies[0].replies.map(r => r.input.id)).toEqual(['d']);
  });

  it('starts a thread for an answer to a proposal or a hidden input', () => {
    const threads = buildThreads([
      input('x', '2026-01-01T00:00:00Z', { responds_to: 'some-proposal' })
    ]);
    expect(threads).toHaveLength(1);
    expect(threads[0].input.id).toBe('x');
  });

  it('filters by topic, priority and text', () => {
    const i = input('a', '2026-01-01T00:00:00Z', {
      topics: ['funding'],
      priorities: ['capacity'],
      title: 'Pillars for Jupyter'
    });
    expect(matchesInput(i, { topic: 'funding', priority: '', query: '' })).toBe(
      true
    );
    expect(
      matchesInput(i, { topic: 'software', priority: '', query: '' })
    ).toBe(false);
    expect(
      matchesInput(i, { topic: '', priority: 'software', query: '' })
    ).toBe(false);
    expect(
      matchesInput(i, { topic: '', priority: 'capacity', query: 'PILLARS' })
    ).toBe(true);
    expect(
      matchesInput(i, { topic: '', priority: '', query: 'nothing like it' })
    ).toBe(false);
  });
});

describe('validation matches the server', () => {
  it('accepts only http and https links', () => {
    expect(isHttpUrl('https://example.org/post')).toBe(true);
    expect(isHttpUrl('http://example.org')).toBe(true);
    expect(isHttpUrl('javascript:alert(1)')).toBe(false);
    expect(isHttpUrl('ftp://example.org')).toBe(false);
    expect(isHttpUrl('https://exa mple.org')).toBe(false);
    expect(isHttpUrl('')).toBe(false);
  });

  it('names every missing field of an empty draft', () => {
    expect(Object.keys(validateDraft(emptyDraft())).sort()).toEqual(
      ['own_content', 'title', 'topics', 'url'].sort()
    );
  });

  it('accepts a complete draft and rejects an overlong summary', () => {
    const draft = {
      ...emptyDraft(),
      title: 'My post',
      url: 'https://example.org/p',
      topics: ['community'],
      own_content: true
    };
    expect(validateDraft(draft)).toEqual({});
    expect(
      validateDraft({ ...draft, summary: 'x'.repeat(501) }).summary
    ).toBeDefined();
  });
});

describe('vote panel grouping', () => {
  const base = {
    waiting_for_me: false,
    status: 'draft'
  } as unknown as IProposal;
  it('puts proposals waiting for my ballot first and decided ones last', () => {
    const groups = groupProposals([
      { ...base, id: '1', status: 'voting', waiting_for_me: true },
      { ...base, id: '2', status: 'voting' },
      { ...base, id: '3', status: 'feedback' },
      { ...base, id: '4', status: 'accepted' },
      { ...base, id: '5', status: 'withdrawn' }
    ]);
    expect(Object.keys(groups)).toEqual([
      'waiting',
      'open',
      'feedback',
      'draft',
      'decided'
    ]);
    expect(groups.waiting.map(p => p.id)).toEqual(['1']);
    expect(groups.open.map(p => p.id)).toEqual(['2']);
    expect(groups.decided.map(p => p.id)).toEqual(['4', '5']);
  });
});

describe('request seam errors', () => {
  it('keeps the contract envelope code and field', () => {
    const err = toError(400, {
      error: { code: 'invalid_field', message: 'bad url', field: 'url' }
    });
    expect([err.status, err.code, err.field, err.message]).toEqual([
      400,
      'invalid_field',
      'url',
      'bad url'
    ]);
  });

  it('turns a bare 404 into the instruction to enable the server extension', () => {
    const err = toError(404, null);
    expect(err.code).toBe('server_extension_missing');
    expect(err.message).toContain(
      'jupyter server extension enable jupyter_gov_ext'
    );
  });
});

describe('what an input fed', () => {
  const trans = nullTranslator.load('jupyter_gov_ext');
  const pillar = (id: string, inputs: string[]) =>
    ({ id, title: id.toUpperCase(), inputs }) as unknown as IPillar;
  const proposal = (extra: Partial<IProposal>) =>
    ({
      id: 'p',
      title: 'Pick a pillar',
      status: 'voting',
      cites: [],
      pillars: [],
      decision: null,
      ...extra
    }) as unknown as IProposal;

  it('follows an input through its pillars to the proposals and their outcome', () => {
    const pillars = [pillar('a', ['i1', 'i2']), pillar('b', ['i2'])];
    const decided = proposal({
      pillars: ['a'],
      status: 'accepted',
      decision: {
        decided: '2026-12-01T10:00:00Z',
        outcome: 'accepted',
        tally: {},
        ballots_digest: null
      }
    });
    const other = proposal({ id: 'q', title: 'Other', pillars: ['c'] });
    const trace = traceOf({ id: 'i1' }, pillars, [decided, other]);
    expect(trace.pillars.map(p => p.id)).toEqual(['a']);
    expect(trace.proposals.map(p => p.id)).toEqual(['p']);
    expect(traceLine(trace, true, trans)).toBe(
      'Your input fed pillar "A" · proposal "Pick a pillar": accepted on 2026-12-01'
    );
    // Someone else's input, on two pillars and not proposed yet.
    expect(
      traceLine(traceOf({ id: 'i2' }, pillars, [other]), false, trans)
    ).toBe('Fed pillars "A", "B"');
    // Cited directly, without a pillar; and an input nothing used says nothing.
    const cited = proposal({ cites: ['i3'] });
    expect(
      traceLine(traceOf({ id: 'i3' }, pillars, [cited]), true, trans)
    ).toBe('Your input is cited · proposal "Pick a pillar": voting');
    expect(
      traceLine(traceOf({ id: 'i9' }, pillars, [cited]), true, trans)
    ).toBe('');
  });

  it('queues the unplaced inputs, narrowed by stakeholder, prompt and text', () => {
    const inputs = [
      input('i1', '2026-01-01T00:00:00Z', { stakeholder: 'community' }),
      input('i2', '2026-01-02T00:00:00Z', {
        stakeholder: 'member-organisation',
        prompt: 'decide'
      }),
      input('i3', '2026-01-03T00:00:00Z', { stakeholder: 'council' })
    ];
    const pillars = [pillar('a', ['i1'])];
    const none = {
      topic: '',
      priority: '',
      stakeholder: '',
      prompt: '',
      query: '',
      showPlaced: false
    };
    const ids = (f: typeof none) => queueOf(inputs, pillars, f).map(i => i.id);
    expect(ids(none)).toEqual(['i2', 'i3']);
    expect(ids({ ...none, showPlaced: true })).toEqual(['i1', 'i2', 'i3']);
    expect(ids({ ...none, stakeholder: 'council' })).toEqual(['i3']);
    expect(ids({ ...none, prompt: 'decide' })).toEqual(['i2']);
    expect(ids({ ...none, query: 'TITLE I3' })).toEqual(['i3']);
  });
});
