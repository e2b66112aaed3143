import { nullTranslator } from '@jupyterlab/translation';
import { act, fireEvent, render, screen } from '@testing-library/react';
import React, { useState } from 'react';

import { GovApiError } from '../api/client';
import { IBody, IInput, IPriority } from '../api/types';
import { ProposalForm } from '../components/ProposalForm';
import {
  emptyProposal,
  ProposalFormState,
  proposalRequest
} from '../validation';

const trans = nullTranslator.load('jupyter_gov_ext');

/** The form as its document holds it: the draft in state, submit handed to the test. */
function Harness(props: {
  bodies: IBody[];
  onSubmit: (d: ProposalFormState) => Promise<void>;
}): JSX.Element {
  const [draft, setDraft] = useState(
    emptyProposal(props.bodies.slice(0, 1).map(b => b.id))
  );
  return (
    <ProposalForm
      draft={draft}
      onChange={setDraft}
      onSubmit={props.onSubmit}
      onCancel={jest.fn()}
      priorities={[{ id: 'capacity', title: 'Grow capacity' } as IPriority]}
      inputs={[{ id: 'in-1', title: 'A post' } as IInput]}
      bodies={props.bodies}
      trans={trans}
    />
  );
}

async function save(): Promise<void> {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
  });
}

describe('ProposalForm', () => {
  it('sends the title, text, priorities and cited input it was given', async () => {
    const onSubmit = jest.fn().mockResolvedValue(undefined);
    render(<Harness bodies={[]} onSubmit={onSubmit} />);
    fireEvent.change(screen.getByLabelText('Proposal title'), {
      target: { value: 'T' }
    });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Grow capacity' }));
    const select = screen.getByLabelText(
      'Cited community input'
    ) as HTMLSelectElement;
    select.options[0].selected = true;
    fireEvent.change(select);
    await save();
    expect(proposalRequest(onSubmit.mock.calls[0][0])).toEqual(
      expect.objectContaining({
        title: 'T',
        priorities: ['capacity'],
        cites: ['in-1'],
        options: [],
        seats: 1
      })
    );
  });

  it('marks an empty title invalid, says why under it, and sends nothing', async () => {
    const onSubmit = jest.fn();
    render(<Harness bodies={[]} onSubmit={onSubmit} />);
    await save();
    const title = screen.getByLabelText('Proposal title', {
      exact: false
    }) as HTMLInputElement;
    expect(title.getAttribute('aria-invalid')).toBe('true');
    const message = document.getElementById(
      title.getAttribute('aria-describedby') ?? ''
    );
    expect(message?.textContent).toBe('Give the proposal a title.');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('puts a server error on the field it names, or above the buttons', async () => {
    const onSubmit = jest
      .fn()
      .mockRejectedValueOnce(
        new GovApiError(400, 'invalid_field', 'Elect fewer options.', 'seats')
      )
      .mockRejectedValueOnce(
        new GovApiError(409, 'not_allowed', 'The repo is read-only.')
      );
    render(<Harness bodies={[]} onSubmit={onSubmit} />);
    fireEvent.change(screen.getByLabelText('Proposal title'), {
      target: { value: 'T' }
    });
    fireEvent.change(screen.getByLabelText('Kind of vote'), {
      target: { value: 'ranked' }
    });
    fireEvent.change(
      screen.getByLabelText('Options, one per line', { exact: false }),
      { target: { value: 'A\nB\nC' } }
    );
    await save();
    const seats = screen.getByLabelText('Seats to fill', { exact: false });
    expect(seats.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('Elect fewer options.');
    await save();
    expect(screen.getByRole('alert').textContent).toBe(
      'The repo is read-only.'
    );
    expect(seats.getAttribute('aria-invalid')).toBe('false');
  });

  it('asks which bodies must approve when the repo has several', async () => {
    const onSubmit = jest.fn().mockResolvedValue(undefined);
    const bodies = [
      { id: 'executive_council', name: 'Executive Council', members: [] },
      { id: 'ssc', name: 'Software Steering Council', members: [] }
    ] as unknown as IBody[];
    render(<Harness bodies={bodies} onSubmit={onSubmit} />);
    const council = screen.getByRole('checkbox', { name: 'Executive Council' });
    expect((council as HTMLInputElement).checked).toBe(true);
    fireEvent.change(screen.getByLabelText('Proposal title'), {
      target: { value: 'T' }
    });
    // Unticking every body is refused before anything is sent.
    fireEvent.click(council);
    await save();
    expect(screen.getByRole('alert').textContent).toContain('voting body');
    expect(onSubmit).not.toHaveBeenCalled();
    fireEvent.click(council);
    fireEvent.click(
      screen.getByRole('checkbox', { name: 'Software Steering Council' })
    );
    await save();
    expect(onSubmit.mock.calls[0][0].bodies).toEqual([
      'executive_council',
      'ssc'
    ]);
  });
});
