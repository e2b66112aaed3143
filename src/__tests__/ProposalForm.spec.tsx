import { nullTranslator } from '@jupyterlab/translation';
import { act, fireEvent, render, screen } from '@testing-library/react';
import React from 'react';

import { GovernanceClient } from '../api/client';
import { IInput, IPriority } from '../api/types';
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
});
