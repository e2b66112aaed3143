import { nullTranslator } from '@jupyterlab/translation';
import { fireEvent, render, screen } from '@testing-library/react';
import React from 'react';

import { IInput } from '../api/types';
import { InputList } from '../components/InputList';

const trans = nullTranslator.load('jupyter_gov_ext');

function inputs(n: number): IInput[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `2026-01-01-post-${i}`,
    title: `Post ${i}`,
    url: `https://example.org/${i}`,
    author: { id: 'u', name: 'User' },
    submitted: `2026-01-01T00:${String(i % 60).padStart(2, '0')}:00Z`,
    topics: [i % 2 ? 'funding' : 'community'],
    priorities: [],
    own_content: true as const,
    summary: '',
    responds_to: i === 1 ? '2026-01-01-post-0' : null,
    stakeholder: 'community' as const,
    prompt: null,
    source: null
  }));
}

const filter = { topic: '', priority: '', query: '' };

/** Render the list with defaults for what a test does not care about. */
function renderList(props: Partial<React.ComponentProps<typeof InputList>>) {
  return render(
    <InputList
      inputs={[]}
      topics={[]}
      priorities={[]}
      proposals={[]}
      filter={filter}
      onFilter={jest.fn()}
      onAnswer={jest.fn()}
      trans={trans}
      {...props}
    />
  );
}

describe('InputList', () => {
  it('renders a page of threads and more on demand', () => {
    renderList({
      inputs: inputs(300),
      topics: ['community', 'funding'],
      pageSize: 50
    });
    const list = screen.getByRole('list', { name: 'Community input' });
    expect(list.querySelectorAll(':scope > li')).toHaveLength(50);
    fireEvent.click(screen.getByRole('button', { name: /Show more/ }));
    expect(list.querySelectorAll(':scope > li')).toHaveLength(100);
  });

  it('opens posts in a new tab without leaking the opener, and threads answers', () => {
    renderList({ inputs: inputs(2) });
    const link = screen.getByRole('link', { name: 'Post 0' });
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    const answers = screen.getByRole('list', { name: 'Answers' });
    expect(answers.textContent).toContain('Post 1');
  });

  it('reports a filter change and shows why nothing matches', () => {
    const onFilter = jest.fn();
    renderList({
      inputs: inputs(4),
      topics: ['community', 'funding'],
      filter: { ...filter, query: 'no such post' },
      onFilter
    });
    expect(screen.getByText('No input matches these filters.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Filter by topic'), {
      target: { value: 'funding' }
    });
    expect(onFilter).toHaveBeenCalledWith({
      ...filter,
      query: 'no such post',
      topic: 'funding'
    });
  });
});
