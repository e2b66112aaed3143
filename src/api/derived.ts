/**
 * Names for parts of the generated API types (types.ts), for the components that use them. Nothing
 * here restates a field: each is computed from the server's models, so it follows them.
 */
import { IActions, IInputDraft, IProposal, IProposalDraft } from './types';

/** What the input form holds while the user types: every field present, topics possibly empty. */
export type InputDraft = Required<Omit<IInputDraft, 'topics'>> & {
  topics: string[];
};

/** What the proposal form holds while the user types: every field present. */
export type ProposalDraft = Required<IProposalDraft>;

/** A binary ballot's choice. */
export type BallotValue = NonNullable<IProposal['my_ballot']>['value'] & string;

/** A step of a proposal's lifecycle that the server decides for the user. */
export type ProposalActionId = keyof IActions;

/** One voting body's tally of a proposal (binary or ranked, told apart by `kind`). */
export type ITally = IProposal['tallies'][number];
