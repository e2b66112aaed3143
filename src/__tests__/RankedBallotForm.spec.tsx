import { nullTranslator } from '@jupyterlab/translation';
import { fireEvent, render, screen } from '@testing-library/react';
import React from 'react';

import { IProposal } from '../api/types';
import { move, RankedBallotForm } from '../components/RankedBallotForm';

const trans = nullTranslator.load('jupyter_gov_ext');

describe('RankedBallotForm', () => {
  it('moves items within bounds', () => {
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });

  it('casts the ranking as reordered with the keyboard buttons, leaving out unticked options', () => {
    const onCast = jest.fn().mockResolvedValue(undefined);
    const p = {
      id: 'p',
      options: ['red', 'green', 'blue'],
      my_ballot: null
    } as unknown as IProposal;
    render(<RankedBallotForm proposal={p} onCast={onCast} trans={trans} />);
    fireEvent.click(screen.getByRole('button', { name: 'Move blue up' }));
    fireEvent.click(screen.getByRole('button', { name: 'Move blue up' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'green' }));
    expect(
      screen
        .getAllByRole('listitem')
        .map(li => li.textContent?.replace(/[↑↓]/g, ''))
    ).toEqual(['blue', 'red', 'green']);
    fireEvent.click(screen.getByRole('button', { name: 'Cast ballot' }));
    expect(onCast).toHaveBeenCalledWith(p, {
      ranking: ['blue', 'red'],
      comment: ''
    });
  });

  it('casts a blank ballot, which hides the ranking', () => {
    const onCast = jest.fn().mockResolvedValue(undefined);
    const p = {
      id: 'p',
      options: ['red', 'green'],
      my_ballot: null
    } as unknown as IProposal;
    render(<RankedBallotForm proposal={p} onCast={onCast} trans={trans} />);
    fireEvent.click(
      screen.getByRole('checkbox', {
        name: 'Blank (counts toward the quorum, not the result)'
      })
    );
    expect(screen.queryByRole('list', { name: 'Your ranking' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Cast ballot' }));
    expect(onCast).toHaveBeenCalledWith(p, { value: 'blank', comment: '' });
  });
});
