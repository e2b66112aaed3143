import { nullTranslator } from '@jupyterlab/translation';
import { act, fireEvent, render, screen } from '@testing-library/react';
import React from 'react';

import { GovApiError } from '../api/client';
import { IForumPreview } from '../api/types';
import { ForumImportDocument } from '../documents/ForumImportDocument';
import { GovernanceModel } from '../model';

const trans = nullTranslator.load('jupyter_gov_ext');

const candidate = (n: number, imported: string | null) => ({
  key: `${n}:https://example.org/${n}`,
  url: `https://example.org/${n}`,
  title: `Post ${n}`,
  author: { id: `user${n}`, name: `User ${n}` },
  submitted: '2026-10-02T14:31:07Z',
  post_number: n + 1,
  post_url: `https://discourse.jupyter.org/t/t/1/${n + 1}`,
  excerpt: '',
  imported
});

function modelWith(
  forumPreview: (body: unknown) => Promise<IForumPreview>
): GovernanceModel {
  return {
    status: { initialised: true, topics: ['funding'], prompts: [] },
    priorities: [],
    forumPreview
  } as unknown as GovernanceModel;
}

async function showLinks(url: string): Promise<void> {
  fireEvent.click(
    screen.getByLabelText('The topic’s address (the server reads it)')
  );
  fireEvent.change(screen.getByLabelText('Topic address'), {
    target: { value: url }
  });
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Show the links' }));
  });
}

describe('ForumImportDocument', () => {
  it('offers the new links ticked and the ones already held as done', async () => {
    const asked: unknown[] = [];
    const model = modelWith(async body => {
      asked.push(body);
      return {
        topic_title: 'Input thread',
        topic_url: 'https://discourse.jupyter.org/t/t/1',
        posts: 3,
        posts_in_topic: 3,
        candidates: [
          candidate(1, null),
          candidate(2, '2026-10-02-post-2-abcdef')
        ]
      };
    });
    render(<ForumImportDocument model={model} trans={trans} />);
    await showLinks('https://discourse.jupyter.org/t/t/1');
    expect(asked).toEqual([{ url: 'https://discourse.jupyter.org/t/t/1' }]);
    const fresh = screen.getByRole('checkbox', { name: 'Post 1' });
    const held = screen.getByRole('checkbox', { name: 'Post 2' });
    expect((fresh as HTMLInputElement).checked).toBe(true);
    expect((held as HTMLInputElement).checked).toBe(false);
    expect((held as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText(/already imported/)).toBeTruthy();
    expect(
      screen.getByRole('button', { name: 'Import 1 input(s)…' })
    ).toBeTruthy();
    fireEvent.click(fresh);
    expect(
      (
        screen.getByRole('button', {
          name: 'Import 0 input(s)…'
        }) as HTMLButtonElement
      ).disabled
    ).toBe(true);
  });

  it('puts the server’s refusal on the field it names', async () => {
    const model = modelWith(async () => {
      throw new GovApiError(
        502,
        'remote_unreachable',
        'The forum could not be read.',
        'url'
      );
    });
    render(<ForumImportDocument model={model} trans={trans} />);
    await showLinks('https://discourse.example.org/t/x/9');
    const field = screen.getByLabelText('Topic address');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe(
      'The forum could not be read.'
    );
  });

  it('asks for a topic before sending anything', async () => {
    const preview = jest.fn();
    render(<ForumImportDocument model={modelWith(preview)} trans={trans} />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Show the links' }));
    });
    expect(preview).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe(
      'Choose the topic’s saved JSON export.'
    );
  });
});
