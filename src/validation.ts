import { InputDraft, ProposalDraft } from './api/derived';

/** The same limits the server enforces (jupyter_gov_ext/contract/fields.py). */
export const TITLE_MAX = 200;
export const SUMMARY_MAX = 500;
export const URL_MAX = 2000;
export const BODY_MAX = 100_000;
export const OPTIONS_MAX = 20;

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

/** What the proposal form holds beyond the request: the options as typed, one per line. */
export type ProposalFormState = ProposalDraft & { optionsText: string };

export type ProposalErrors = Partial<Record<keyof ProposalFormState, string>>;

/** The ranked options as the user typed them: one per line, blank lines dropped. */
export function optionLines(text: string): string[] {
  return text
    .split('\n')
    .map(o => o.trim())
    .filter(Boolean);
}

/** Field-level problems of a proposal draft, as the server would find them (requests.py). */
export function validateProposal(
  d: ProposalFormState,
  bodyCount: number,
  __: (msg: string, ...args: unknown[]) => string = s => s
): ProposalErrors {
  const errors: ProposalErrors = {};
  const title = d.title.trim();
  if (!title) {
    errors.title = __('Give the proposal a title.');
  } else if (title.length > TITLE_MAX) {
    errors.title = __('Keep the title under %1 characters.', TITLE_MAX);
  }
  if (d.body.length > BODY_MAX) {
    errors.body = __('The text is too long: at most %1 characters.', BODY_MAX);
  }
  if (d.kind === 'ranked') {
    const options = optionLines(d.optionsText);
    if (options.length < 2) {
      errors.optionsText = __('A ranked vote needs at least two options.');
    } else if (new Set(options).size !== options.length) {
      errors.optionsText = __('Options must be different.');
    } else if (options.length > OPTIONS_MAX) {
      errors.optionsText = __('At most %1 options.', OPTIONS_MAX);
    } else if (d.seats >= options.length) {
      errors.seats = __('Elect fewer options than there are.');
    }
  }
  if (bodyCount > 1 && d.bodies.length === 0) {
    errors.bodies = __('Choose at least one voting body.');
  }
  return errors;
}

/** The request a proposal form sends: options only for a ranked vote, seats and threshold only
 * where they apply. */
export function proposalRequest(d: ProposalFormState): ProposalDraft {
  const { optionsText, ...draft } = d;
  const ranked = d.kind === 'ranked';
  return {
    ...draft,
    options: ranked ? optionLines(optionsText) : [],
    seats: ranked ? d.seats : 1,
    threshold: ranked ? null : d.threshold
  };
}

export function emptyProposal(bodies: string[] = []): ProposalFormState {
  return {
    title: '',
    body: '',
    kind: 'binary',
    options: [],
    optionsText: '',
    seats: 1,
    threshold: null,
    door: 'two-way',
    priorities: [],
    cites: [],
    bodies
  };
}

export function emptyDraft(): InputDraft {
  return {
    title: '',
    url: '',
    topics: [],
    priorities: [],
    responds_to: null,
    summary: '',
    own_content: false,
    stakeholder: 'community',
    prompt: null
  };
}
