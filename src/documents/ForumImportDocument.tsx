import { Dialog, Notification, showDialog } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useState } from 'react';

import { GovApiError } from '../api/client';
import { IForumImport, IForumPreview, IForumTopic } from '../api/types';
import {
  CheckGroup,
  errorId,
  FieldError,
  invalidProps,
  TextField,
  toggle
} from '../components/controls';
import { GovernanceModel } from '../model';

const FORM = 'forum';
const JUPYTER_FORUM = 'https://discourse.jupyter.org';

/** Read a saved topic export; a file that is not JSON is said so, not sent. */
async function readExport(file: File): Promise<Record<string, unknown>> {
  const data: unknown = JSON.parse(await file.text());
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new Error('not an object');
  }
  return data as Record<string, unknown>;
}

/**
 * Bring the community input that already lives on the forum into the repo: a Discourse topic (its
 * saved JSON export, or its address) is read, each post's links are listed with their author and
 * date, and a council member confirms which become inputs. A link already held is never added again.
 */
export function ForumImportDocument(props: {
  model: GovernanceModel;
  trans: TranslationBundle;
}): JSX.Element {
  const { model, trans } = props;
  const [mode, setMode] = useState<'file' | 'url'>('file');
  const [url, setUrl] = useState('');
  const [forum, setForum] = useState(JUPYTER_FORUM);
  const [saved, setSaved] = useState<Record<string, unknown> | null>(null);
  const [preview, setPreview] = useState<IForumPreview | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [topics, setTopics] = useState<string[]>([]);
  const [priorities, setPriorities] = useState<string[]>([]);
  const [stakeholder, setStakeholder] =
    useState<NonNullable<IForumImport['stakeholder']>>('community');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const source = (): IForumTopic | null =>
    mode === 'url' ? { url: url.trim() } : saved && { topic: saved, forum };

  const fail = (error: unknown, fallback: string) => {
    const field =
      error instanceof GovApiError && error.field ? error.field : fallback;
    setErrors({
      [field === 'topic' && mode === 'url' ? 'url' : field]:
        error instanceof Error ? error.message : String(error)
    });
  };

  const show = async (): Promise<void> => {
    const body = source();
    if (!body || (mode === 'url' && !url.trim())) {
      setErrors(
        mode === 'url'
          ? { url: trans.__('Give the address of a forum topic.') }
          : { topic: trans.__('Choose the topic’s saved JSON export.') }
      );
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      const found = await model.forumPreview(body);
      setPreview(found);
      setChosen(found.candidates.filter(c => !c.imported).map(c => c.key));
    } catch (error) {
      setPreview(null);
      fail(error, mode === 'url' ? 'url' : 'topic');
    } finally {
      setBusy(false);
    }
  };

  const importChosen = async (): Promise<void> => {
    const body = source();
    if (!preview || !body || chosen.length === 0) {
      return;
    }
    const answer = await showDialog({
      title: trans.__('Import community input'),
      body: trans.__(
        'Add %1 link(s) from "%2" as community input? One commit; each input keeps its post’s author and date.',
        chosen.length,
        preview.topic_title
      ),
      buttons: [
        Dialog.cancelButton({ label: trans.__('Cancel') }),
        Dialog.okButton({ label: trans.__('Import') })
      ]
    });
    if (!answer.button.accept) {
      return;
    }
    setBusy(true);
    try {
      const r = await model.forumImport({
        ...body,
        keys: chosen as [string, ...string[]],
        topics,
        priorities,
        stakeholder
      });
      Notification.success(
        r.commit
          ? trans.__(
              'Imported %1 input(s) (commit %2); %3 already held.',
              r.added.length,
              r.commit.slice(0, 7),
              r.skipped.length
            )
          : trans.__('Nothing new: every link is already an input.'),
        { autoClose: 5000 }
      );
      const again = await model.forumPreview(body);
      setPreview(again);
      setChosen([]);
    } catch (error) {
      fail(error, 'keys');
    } finally {
      setBusy(false);
    }
  };

  const status = model.status;
  const topicOptions = (status?.topics ?? []).map(t => [t, t]) as [
    string,
    string
  ][];
  const priorityOptions = model.priorities.map(p => [p.id, p.title]) as [
    string,
    string
  ][];
  return (
    <article
      className="jp-GovExt-forumDoc"
      aria-label={trans.__('Import input from the forum')}
    >
      <header className="jp-GovExt-docHeader">
        <h1>{trans.__('Import input from the forum')}</h1>
        <p className="jp-GovExt-summary">
          {trans.__(
            'Community input that already lives in a forum thread: each post’s links to its author’s own writing are offered as inputs, with the post’s author and date. Nothing is added until you confirm, and a link already held is never added twice.'
          )}
        </p>
      </header>
      <form
        className="jp-GovExt-form"
        onSubmit={e => {
          e.preventDefault();
          void show();
        }}
      >
        <fieldset>
          <legend>{trans.__('The topic')}</legend>
          <label className="jp-GovExt-check">
            <input
              type="radio"
              name="jp-GovExt-forum-mode"
              checked={mode === 'file'}
              onChange={() => setMode('file')}
            />
            {trans.__(
              'A file: the topic’s export, saved from its address + .json'
            )}
          </label>
          <label className="jp-GovExt-check">
            <input
              type="radio"
              name="jp-GovExt-forum-mode"
              checked={mode === 'url'}
              onChange={() => setMode('url')}
            />
            {trans.__('The topic’s address (the server reads it)')}
          </label>
        </fieldset>
        {mode === 'file' ? (
          <>
            <label className="jp-GovExt-field">
              {trans.__('Topic export file')}
              <input
                type="file"
                accept=".json,application/json"
                {...invalidProps(errorId(FORM, 'topic'), errors.topic)}
                onChange={e => {
                  const file = e.target.files?.[0];
                  setPreview(null);
                  if (!file) {
                    return;
                  }
                  readExport(file)
                    .then(data => {
                      setSaved(data);
                      setErrors({});
                    })
                    .catch(() => {
                      setSaved(null);
                      setErrors({
                        topic: trans.__('%1 is not a JSON export.', file.name)
                      });
                    });
                }}
              />
            </label>
            <FieldError id={errorId(FORM, 'topic')} error={errors.topic} />
            <TextField
              label={trans.__('Forum it comes from')}
              value={forum}
              onChange={setForum}
              type="url"
              error={errors.forum}
              errorFor={errorId(FORM, 'forum')}
            />
          </>
        ) : (
          <TextField
            label={trans.__('Topic address')}
            value={url}
            onChange={setUrl}
            type="url"
            placeholder="https://discourse.jupyter.org/t/…/12345"
            error={errors.url}
            errorFor={errorId(FORM, 'url')}
          />
        )}
        <button type="submit" className="jp-mod-styled" disabled={busy}>
          {trans.__('Show the links')}
        </button>
      </form>
      {preview && (
        <section aria-label={trans.__('Links found')}>
          <h2>{preview.topic_title}</h2>
          <p className="jp-GovExt-meta">
            {preview.posts < preview.posts_in_topic
              ? trans.__(
                  '%1 of the topic’s %2 posts read: a saved export holds the first ones only; give the address to read them all.',
                  preview.posts,
                  preview.posts_in_topic
                )
              : trans.__('%1 posts read.', preview.posts)}
          </p>
          {preview.candidates.length === 0 ? (
            <p className="jp-GovExt-empty">
              {trans.__('No post links to writing outside the forum.')}
            </p>
          ) : (
            <ul
              className="jp-GovExt-candidates"
              aria-label={trans.__('Links to import')}
            >
              {preview.candidates.map(c => (
                <li key={c.key} className={c.imported ? 'jp-mod-done' : ''}>
                  <label className="jp-GovExt-check">
                    <input
                      type="checkbox"
                      disabled={!!c.imported}
                      checked={!c.imported && chosen.includes(c.key)}
                      onChange={() => setChosen(toggle(chosen, c.key))}
                    />
                    <span className="jp-GovExt-itemTitle">{c.title}</span>
                  </label>
                  <div className="jp-GovExt-meta">
                    <a href={c.url} target="_blank" rel="noopener noreferrer">
                      {c.url}
                    </a>
                  </div>
                  <div className="jp-GovExt-meta">
                    {trans.__(
                      'By %1 (@%2), %3',
                      c.author.name,
                      c.author.id,
                      new Date(c.submitted).toLocaleDateString()
                    )}
                    {' · '}
                    <a
                      href={c.post_url}
                      target="_blank"
                      rel="noopener noreferrer"
                    >
                      {trans.__('post #%1', c.post_number)}
                    </a>
                    {c.imported && ` · ${trans.__('already imported')}`}
                  </div>
                </li>
              ))}
            </ul>
          )}
          {preview.candidates.some(c => !c.imported) && (
            <div className="jp-GovExt-form">
              {topicOptions.length > 0 && (
                <CheckGroup
                  legend={trans.__('Topics for every new input')}
                  options={topicOptions}
                  selected={topics}
                  onChange={setTopics}
                  error={errors.topics}
                  errorFor={errorId(FORM, 'topics')}
                />
              )}
              {priorityOptions.length > 0 && (
                <CheckGroup
                  legend={trans.__('Funding priorities they speak to')}
                  options={priorityOptions}
                  selected={priorities}
                  onChange={setPriorities}
                  error={errors.priorities}
                  errorFor={errorId(FORM, 'priorities')}
                />
              )}
              <label className="jp-GovExt-field">
                {trans.__('Whose voice are they?')}
                <select
                  className="jp-mod-styled"
                  value={stakeholder}
                  onChange={e =>
                    setStakeholder(
                      e.target.value as NonNullable<IForumImport['stakeholder']>
                    )
                  }
                >
                  <option value="community">
                    {trans.__('Community members')}
                  </option>
                  <option value="member-organisation">
                    {trans.__('Foundation member organisations')}
                  </option>
                  <option value="council">{trans.__('Council members')}</option>
                  <option value="other">{trans.__('Other')}</option>
                </select>
              </label>
              <FieldError id={errorId(FORM, 'keys')} error={errors.keys} />
              <button
                className="jp-mod-styled jp-mod-accept"
                disabled={busy || chosen.length === 0}
                onClick={() => void importChosen()}
              >
                {trans.__('Import %1 input(s)…', chosen.length)}
              </button>
            </div>
          )}
        </section>
      )}
    </article>
  );
}
