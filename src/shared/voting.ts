/**
 * Proposals and votes (voorstellen en stemmingen): the rules a body votes by and the tally. The
 * tally is a pure function, so the server freezes it at closing and the page explains the same
 * numbers.
 */

/** Voor/tegen/onthouding, or a choice between several options (plus onthouding). */
export const PROPOSAL_KINDS = ["for_against", "choices"] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

/**
 * Which majority adopts a proposal (labels: `proposal.majority.<rule>`): gewone meerderheid (more
 * for than against; with choices: the most votes), volstrekte meerderheid (more than half of the
 * votes cast) or twee derde (at least two thirds of the votes cast, e.g. a statutenwijziging).
 * Abstentions count for the quorum but are not votes cast, as Book 2 of the Civil Code has it.
 */
export const MAJORITY_RULES = ["simple", "absolute", "two_thirds"] as const;
export type MajorityRule = (typeof MAJORITY_RULES)[number];

/**
 * Who holds a vote: every person with a voting seat, or every member organisation represented by
 * a voting seat (a person who represents two organisations casts two votes).
 */
export const VOTE_WEIGHTINGS = ["person", "organisation"] as const;
export type VoteWeighting = (typeof VOTE_WEIGHTINGS)[number];

/** Open: who voted what is part of the record. Secret: only who voted, and the totals. */
export const BALLOTS = ["open", "secret"] as const;
export type Ballot = (typeof BALLOTS)[number];

/** Online within a voting window, or cast in the meeting and recorded by the bureau. */
export const VOTING_MODES = ["online", "meeting"] as const;
export type VotingMode = (typeof VOTING_MODES)[number];

/** concept → open (stemming loopt) → gesloten (uitslag vastgesteld, onveranderlijk). */
export const PROPOSAL_STATUSES = ["draft", "open", "closed"] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** The options of a voor/tegen proposal, by index (labels: `proposal.choice.<word>`). */
export const FOR_AGAINST = ["for", "against", "abstain"] as const;

/** How many options a proposal offers, the closing onthouding included. */
export const optionCount = (kind: ProposalKind, choices: readonly string[] | null) =>
  kind === "for_against" ? FOR_AGAINST.length : (choices?.length ?? 0) + 1;

export interface TallyInput {
  kind: ProposalKind;
  majority: MajorityRule;
  quorumPercent: number | null;
  /** How many votes there are (persons or organisations). */
  electorate: number;
  /** How many of them voted, in person or through a proxy, abstentions included. */
  participated: number;
  byProxy: number;
  /** Votes per option; the last option is onthouding. */
  counts: number[];
}

export type Outcome = "adopted" | "rejected" | "chosen" | "undecided" | "no_quorum";

export interface Tally {
  electorate: number;
  participated: number;
  byProxy: number;
  counts: number[];
  abstained: number;
  /** The votes cast: all but the abstentions. */
  cast: number;
  quorum: { percent: number | null; required: number | null; reached: boolean };
  majority: {
    rule: MajorityRule;
    /** The option the majority is measured for: voor, or the choice with the most votes. */
    option: number | null;
    votes: number;
    /** How many votes that option needed. */
    required: number;
    reached: boolean;
  };
  outcome: Outcome;
}

/** Votes needed under `rule` out of `cast` votes (`runnerUp`: the next option, for a choice). */
function required(rule: MajorityRule, cast: number, runnerUp: number) {
  if (rule === "two_thirds") return Math.max(1, Math.ceil((2 * cast) / 3));
  if (rule === "absolute") return Math.floor(cast / 2) + 1;
  return runnerUp + 1;
}

/**
 * The result of a vote with what counted. The quorum is a share of all votes (present or
 * represented, abstentions included), rounded up; without a quorum nothing is decided.
 * Voor/tegen: "simple" needs more voor than tegen; with choices it needs one option ahead of
 * every other (a tie for first decides nothing).
 */
export function tally(input: TallyInput): Tally {
  const counts = input.counts;
  const abstained = counts.at(-1) ?? 0;
  const real = counts.slice(0, -1);
  const cast = real.reduce((a, b) => a + b, 0);
  const quorumRequired =
    input.quorumPercent === null ? null : Math.ceil((input.electorate * input.quorumPercent) / 100);
  const quorumReached = quorumRequired === null || input.participated >= quorumRequired;

  let option: number | null;
  let runnerUp: number;
  if (input.kind === "for_against") {
    option = 0;
    runnerUp = real[1] ?? 0;
  } else {
    const sorted = [...real].sort((a, b) => b - a);
    option = real.length ? real.indexOf(sorted[0]!) : null;
    runnerUp = sorted[1] ?? 0;
  }
  const votes = option === null ? 0 : real[option]!;
  const needed = required(input.majority, cast, runnerUp);
  const reached = option !== null && votes > 0 && votes >= needed;
  const outcome: Outcome = !quorumReached
    ? "no_quorum"
    : input.kind === "for_against"
      ? reached
        ? "adopted"
        : "rejected"
      : reached
        ? "chosen"
        : "undecided";
  return {
    electorate: input.electorate,
    participated: input.participated,
    byProxy: input.byProxy,
    counts,
    abstained,
    cast,
    quorum: { percent: input.quorumPercent, required: quorumRequired, reached: quorumReached },
    majority: { rule: input.majority, option, votes, required: needed, reached },
    outcome,
  };
}
