import { IInput } from './api/types';

/** An input with the inputs that answer it, recursively. */
export interface IThread {
  input: IInput;
  replies: IThread[];
}

export interface IInputFilter {
  topic: string;
  priority: string;
  query: string;
  /** Whose voice: community, member-organisation, council, other ('' for any). */
  stakeholder?: string;
}

export function matchesInput(i: IInput, f: IInputFilter): boolean {
  if (f.topic && !i.topics.includes(f.topic)) {
    return false;
  }
  if (f.priority && !i.priorities.includes(f.priority)) {
    return false;
  }
  if (f.stakeholder && i.stakeholder !== f.stakeholder) {
    return false;
  }
  const q = f.query.trim().toLowerCase();
  return (
    !q ||
    [i.title, i.summary, i.author.name, i.author.id, i.url]
      .join('\n')
      .toLowerCase()
      .includes(q)
  );
}

/**
 * Group inputs into threads, newest first: an answer sits under the input it answers. An answer
 * to a proposal, or to an input not shown, starts its own thread (and says what it answers).
 */
export function buildThreads(inputs: IInput[]): IThread[] {
  const byId = new Map<string, IThread>();
  const sorted = [...inputs].sort((a, b) =>
    a.submitted === b.submitted
      ? b.id.localeCompare(a.id)
      : b.submitted.localeCompare(a.submitted)
  );
  for (const input of sorted) {
    byId.set(input.id, { input, replies: [] });
  }
  const roots: IThread[] = [];
  for (const input of sorted) {
    const node = byId.get(input.id)!;
    const parent = input.responds_to ? byId.get(input.responds_to) : undefined;
    if (parent && parent !== node) {
      parent.replies.push(node);
    } else {
      roots.push(node);
    }
  }
  // Answers read in the order they were written.
  for (const node of byId.values()) {
    node.replies.reverse();
  }
  return roots;
}
