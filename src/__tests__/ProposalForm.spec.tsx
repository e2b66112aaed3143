import { nullTranslator } from '@jupyterlab/translation';
import { act, fireEvent, render, screen } from '@testing-library/react';
import React from 'react';

import { GovernanceClient } from '../api/client';
import { IBody, IInput, IPriority } from '../api/types';
import { ProposalForm } from '../components/ProposalForm';

const trans = nullTranslator.load('jupyter_gov_ext');

describe('ProposalForm', () => {
  it('sends the title, text, priorities and cited input it was given', async () => {
    const client = new GovernanceClient();
    const create = jest.spyOn(client, 'createProposal').mockResolvedValue({
      proposal: { id: 'x', title: 'T' } as never,
      commit: 'abcdef0'
    });
    const onCreated = jest.fn();
    render(
      <ProposalForm
        client={client}
        priorities={[{ id: 'capacity', title: 'Grow capacity' } as IPriority]}
        inputs={[{ id: 'in-1', title: 'A post' } as IInput]}
        bodies={[]}
        trans={trans}
        onCreated={onCreated}
      />
    );
    fireEvent.click(screen.getByRole('button', { name: 'Draft a proposal' }));
    fireEvent.change(screen.getByLabelText('Proposal title'), {
      target: { value: 'T' }
    });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Grow capacity' }));
    const select = screen.getByLabelText(
      'Cited community input'
    ) as HTMLSelectElement;
    select.options[0].selected = true;
    fireEvent.change(select);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    });
    expect(create).toHaveBeenCalledWith(
      expect.objectContaining({
        title: 'T',
        priorities: ['capacity'],
        cites: ['in-1']
      })
    );
    expect(onCreated).toHaveBeenCalledWith('x');
  });

  it('asks which bodies must approve when the repo has several', async () => {
    const client = new GovernanceClient();
    const create = jest.spyOn(client, 'createProposal').mockResolvedValue({
      proposal: { id: 'y', title: 'T' } as never,
      commit: 'abcdef0'
    });
    const bodies = [
      { id: 'executive_council', name: 'Executive Council', members: [] },
      { id: 'ssc', name: 'Software Steering Council', members: [] }
    ] as unknown as IBody[];
    render(
      <ProposalForm
        client={client}
        priorities={[]}
        inputs={[]}
        bodies={bodies}
        trans={trans}
        onCreated={jest.fn()}
      />
    );
    fireEvent.click(screen.getByRole('button', { name: 'Draft a proposal' }));
    const council = screen.getByRole('checkbox', { name: 'Executive Council' });
    expect((council as HTMLInputElement).checked).toBe(true);
    fireEvent.change(screen.getByLabelText('Proposal title'), {
      target: { value: 'T' }
    });
    // Unticking every body is refused before anything is sent.
    fireEvent.click(council);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    });
    expect(screen.getByRole('alert').textContent).toContain('voting body');
    expect(create).not.toHaveBeenCalled();
    fireEvent.click(council);
    fireEvent.click(
      screen.getByRole('checkbox', { name: 'Software Steering Council' })
    );
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    });
    expect(create).toHaveBeenCalledWith(
      expect.objectContaining({ bodies: ['executive_council', 'ssc'] })
    );
  });
});
