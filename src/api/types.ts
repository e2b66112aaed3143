/**
 * The contract's records and errors (CONTRACT.md §1 and §3) as TypeScript types: the frontend's one
 * statement of what the server sends. The server's statement is jupyter_gov_ext/models.py.
 */

export interface IAuthor {
  id: string;
  name: string;
}

export interface IIdentity {
  id: string;
  name: string;
  email: string | null;
  /** Where the identity came from: "user_id", "identity_provider", "git_email" or "none". */
  source: string;
  member: boolean;
  bodies: string[];
}

export interface IBodyMember {
  id: string;
  name: string;
  github: string | null;
}

export interface IBody {
  id: string;
  name: string;
  roster_file: string | null;
  members: IBodyMember[];
}

export interface IProblem {
  path: string;
  problem: string;
}

export interface IStatus {
  version: string;
  repo_path: string;
  is_git_repo: boolean;
  branch: string | null;
  head: string | null;
  initialised: boolean;
  identity: IIdentity;
  member: boolean;
  bodies: IBody[];
  topics: string[];
  rules: {
    vote_days: number;
    quorum: number;
    participation: number;
    threshold: 'majority' | 'two-thirds';
  } | null;
  remote: {
    names: string[];
    upstream: string | null;
    ahead: number | null;
    behind: number | null;
  };
  counts: { priorities: number; inputs: number; proposals: number };
  problems: IProblem[];
}

export interface IPriority {
  id: string;
  title: string;
  summary: string;
  outcomes: string[];
  examples: string[];
  order: number;
  body: string;
  source?: { title?: string; url?: string; path?: string; commit?: string };
  input_count: number;
  proposal_count: number;
}

export interface IInput {
  id: string;
  title: string;
  url: string;
  author: IAuthor;
  submitted: string;
  topics: string[];
  priorities: string[];
  responds_to?: string;
  own_content: true;
  summary: string;
}

export interface IInputDraft {
  title: string;
  url: string;
  topics: string[];
  priorities: string[];
  responds_to: string | null;
  summary: string;
  own_content: boolean;
}

export type ProposalStatus =
  'draft' | 'feedback' | 'voting' | 'accepted' | 'rejected' | 'withdrawn';

export type BallotValue = 'yes' | 'no' | 'blank';

export interface IBallot {
  member?: string;
  value?: BallotValue;
  ranking?: string[];
  cast: string;
  comment?: string;
  before_edit: boolean;
}

export interface IRound {
  counts: Record<string, number>;
  exhausted: number;
  /** Options out after this round (several when none of them had a vote). */
  eliminated: string[];
  /** Options that reached the quota in this round. */
  elected: string[];
  quota: number | null;
}

export interface ITally {
  body: string;
  body_name: string;
  members: number;
  cast: number;
  quorum_needed: number;
  quorum_met: boolean;
  outcome: 'accepted' | 'rejected';
  reason: string;
  yes?: number;
  no?: number;
  blank?: number;
  /** Binary votes: "majority" (of non-blank ballots) or "two-thirds" (of the whole body). */
  threshold?: 'majority' | 'two-thirds';
  yes_needed?: number | null;
  rounds?: IRound[];
  winner?: string | null;
  /** Ranked votes: seats to fill, the options elected, the method, how ties were settled. */
  seats?: number;
  elected?: string[];
  method?: string;
  tie_break?: string[];
}

/** Whether the user may take an action now, and why not (decided by the server). */
export interface IPermission {
  allowed: boolean;
  why: string | null;
}

export type ProposalActionId =
  'edit' | 'feedback' | 'call' | 'second' | 'withdraw' | 'vote' | 'close';

export interface IProposal {
  id: string;
  title: string;
  /** The member who called the vote; until then, the author. */
  sponsor: string;
  /** Who drafted it (anyone may). */
  author: string;
  seconded_by?: string | null;
  created: string;
  edited?: string;
  status: ProposalStatus;
  kind: 'binary' | 'ranked';
  options: string[];
  seats: number;
  threshold: 'majority' | 'two-thirds';
  door: 'one-way' | 'two-way';
  priorities: string[];
  cites: string[];
  bodies: string[];
  body_names: string[];
  actions: Record<ProposalActionId, IPermission>;
  second_requested: boolean;
  vote?: { opened: string; closes: string };
  decision?: { decided: string; outcome: string; ballots_digest?: string };
  seconds_left: number | null;
  can_vote: boolean;
  waiting_for_me: boolean;
  my_ballot: IBallot | null;
  tallies: ITally[];
  outcome_so_far: string | null;
  voters: number;
  eligible: number;
}

export interface IProposalDetail extends IProposal {
  body: string;
  ballots: IBallot[];
  cited_inputs: { id: string; title: string; url: string }[];
  members: IBody[];
  why_not?: string;
}

export interface IProposalDraft {
  title: string;
  body: string;
  kind: 'binary' | 'ranked';
  options: string[];
  /** Ranked votes: how many options to elect. */
  seats: number;
  /** Binary votes: null takes the repo's default (rules.threshold). */
  threshold: 'majority' | 'two-thirds' | null;
  door: 'one-way' | 'two-way';
  priorities: string[];
  cites: string[];
  /** The bodies whose approval it needs; empty means the first body (the council). */
  bodies: string[];
}

export interface IBallotRequest {
  value?: BallotValue;
  ranking?: string[];
  comment?: string;
}

/** The contract's error envelope. */
export interface IErrorBody {
  error: { code: string; message: string; field?: string };
}

export interface IParticipationRow {
  member: string;
  year: number;
  open: number;
  cast: number;
  share: number;
  required: number;
  /** The requirement as a fraction, e.g. "2/3". */
  required_text: string;
  meets: boolean;
}

export interface IImportReport {
  added: string[];
  updated: { id: string; changed: string[] }[];
  unchanged: string[];
  commit: string | null;
  source: { path: string; repo?: string; commit?: string };
}
