import { InputDraft } from './api/derived';

/** The same limits the server enforces (jupyter_gov_ext/models.py InputCreate). */
export const TITLE_MAX = 200;
export const SUMMARY_MAX = 500;
export const URL_MAX = 2000;

export type FieldErrors = Partial<Record<keyof InputDraft, string>>;

export function isHttpUrl(value: string): boolean {
  const v = value.trim();
  if (!v || /\s/.test(v) || v.length > URL_MAX) {
    return false;
  }
  try {
    const url = new URL(v);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') && !!url.hostname
    );
  } catch {
    return false;
  }
}

/** Field-level problems of a draft input; an empty object means it can be submitted. */
export function validateDraft(
  d: InputDraft,
  __: (msg: string, ...args: unknown[]) => string = s => s
): FieldErrors {
  const errors: FieldErrors = {};
  const title = d.title.trim();
  if (!title) {
    errors.title = __('Give your post a title.');
  } else if (title.length > TITLE_MAX) {
    errors.title = __('Keep the title under %1 characters.', TITLE_MAX);
  }
  if (!isHttpUrl(d.url)) {
    errors.url = __('Link to your post with an http:// or https:// address.');
  }
  if (d.topics.length === 0) {
    errors.topics = __('Choose at least one topic.');
  }
  if (d.summary.length > SUMMARY_MAX) {
    errors.summary = __('Keep the summary under %1 characters.', SUMMARY_MAX);
  }
  if (!d.own_content) {
    errors.own_content = __(
      'Only link to writing that is your own and hosted elsewhere.'
    );
  }
  return errors;
}

export function emptyDraft(): InputDraft {
  return {
    title: '',
    url: '',
    topics: [],
    priorities: [],
    responds_to: null,
    summary: '',
    own_content: false
  };
}
