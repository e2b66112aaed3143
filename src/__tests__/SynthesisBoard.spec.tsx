import { nullTranslator } from '@jupyterlab/translation';
import { act, fireEvent, render, screen } from '@testing-library/react';
import React from 'react';

import { SynthesisBoard } from '../documents/SynthesisBoard';
import { GovernanceModel } from '../model';

const trans = nullTranslator.load('jupyter_gov_ext');

describe('SynthesisBoard', () => {
  it('keeps what is typed while the last pillar is still being saved', async () => {
    let finish: () => void = () => undefined;
    const created: unknown[] = [];
    // The parts of the model the board reads, and a save that answers when the test says so.
    const model = {
      status: { initialised: true, topics: [], prompts: [] },
      priorities: [],
      inputs: [],
      pillars: [],
      canEditPillars: true,
      createPillar: (draft: unknown) => {
        created.push(draft);
        return new Promise<void>(resolve => (finish = resolve));
      }
    } as unknown as GovernanceModel;
    render(
      <SynthesisBoard model={model} trans={trans} onOpenProposal={jest.fn()} />
    );
    const title = screen.getByLabelText('Pillar title') as HTMLInputElement;
    fireEvent.change(title, { target: { value: 'Mentoring' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add pillar' }));
    expect(created).toEqual([{ title: 'Mentoring', summary: '', inputs: [] }]);
    // The next pillar is typed before the first one's commit comes back.
    fireEvent.change(title, { target: { value: 'Funding' } });
    await act(async () => finish());
    expect(title.value).toBe('Funding');
  });
});
