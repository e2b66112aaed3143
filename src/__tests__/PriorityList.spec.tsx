import { nullTranslator } from '@jupyterlab/translation';
import { fireEvent, render, screen } from '@testing-library/react';
import React from 'react';

import { IPriority } from '../api/types';
import { PriorityList } from '../components/PriorityList';

const trans = nullTranslator.load('jupyter_gov_ext');

const priorities: IPriority[] = [
  {
    id: 'capacity',
    title: 'Grow capacity',
    summary: 'More contributors.',
    outcomes: ['More people contribute', 'Less toil'],
    examples: ['Sprints'],
    order: 1,
    body: '',
    source: null,
    input_count: 2,
    proposal_count: 1
  },
  {
    id: 'software',
    title: 'Reliable software',
    summary: 'Fewer bugs.',
    outcomes: ['Faster security fixes'],
    examples: [],
    order: 2,
    body: '',
    source: null,
    input_count: 0,
    proposal_count: 0
  }
];

describe('PriorityList', () => {
  it('shows an empty state when there are no priorities', () => {
    render(<PriorityList priorities={[]} trans={trans} onOpen={jest.fn()} />);
    expect(screen.getByText(/No funding priorities yet/)).toBeTruthy();
  });

  it('lists titles, summaries and counts, opens one, and finds one by text', () => {
    const onOpen = jest.fn();
    render(
      <PriorityList priorities={priorities} trans={trans} onOpen={onOpen} />
    );
    expect(screen.getByText('2 inputs')).toBeTruthy();
    expect(screen.getByText('1 proposal')).toBeTruthy();
    expect(screen.getByText('More contributors.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Grow capacity' }));
    expect(onOpen).toHaveBeenCalledWith('capacity');

    fireEvent.change(screen.getByLabelText('Search funding priorities'), {
      target: { value: 'security' }
    });
    expect(screen.queryByRole('button', { name: /Grow capacity/ })).toBeNull();
    expect(
      screen.getByRole('button', { name: /Reliable software/ })
    ).toBeTruthy();
  });
});
