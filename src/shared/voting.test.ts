import { describe, expect, it } from "vitest";
import { type TallyInput, tally } from "./voting";

const forAgainst = (counts: number[], more: Partial<TallyInput> = {}): TallyInput => ({
  kind: "for_against",
  majority: "simple",
  quorumPercent: null,
  electorate: 100,
  participated: counts.reduce((a, b) => a + b, 0),
  byProxy: 0,
  counts,
  ...more,
});

describe("tally", () => {
  it("adopts with more voor than tegen; abstentions are no votes cast", () => {
    const t = tally(forAgainst([10, 9, 30]));
    expect(t).toMatchObject({ cast: 19, abstained: 30, outcome: "adopted" });
    expect(t.majority).toMatchObject({ option: 0, votes: 10, required: 10, reached: true });
    expect(tally(forAgainst([9, 9, 0])).outcome).toBe("rejected");
    expect(tally(forAgainst([0, 0, 5])).outcome).toBe("rejected");
  });

  it("needs two thirds of the votes cast for a statutenwijziging", () => {
    // 30 cast: 20 needed.
    expect(tally(forAgainst([20, 10, 4], { majority: "two_thirds" })).majority).toMatchObject({
      required: 20,
      reached: true,
    });
    expect(tally(forAgainst([19, 11, 0], { majority: "two_thirds" })).outcome).toBe("rejected");
  });

  it("counts the quorum over all votes present or represented, abstentions included, rounded up", () => {
    // 50 % of 75 is 37.5: 38 needed.
    const base = { electorate: 75, quorumPercent: 50 };
    const short = tally(forAgainst([30, 0, 7], base));
    expect(short.quorum).toEqual({ percent: 50, required: 38, reached: false });
    expect(short.outcome).toBe("no_quorum");
    expect(tally(forAgainst([30, 0, 8], base)).outcome).toBe("adopted");
  });

  it("with choices: the most votes wins a simple majority, a tie decides nothing", () => {
    const choices = (counts: number[], majority: TallyInput["majority"] = "simple") =>
      tally({ ...forAgainst(counts), kind: "choices", majority });
    expect(choices([3, 7, 5, 1])).toMatchObject({ outcome: "chosen", majority: { option: 1, required: 6 } });
    expect(choices([6, 6, 1, 0]).outcome).toBe("undecided");
    // Absolute: more than half of the 15 votes cast (8).
    expect(choices([3, 7, 5, 9], "absolute")).toMatchObject({ outcome: "undecided", cast: 15 });
    expect(choices([3, 8, 4, 9], "absolute").outcome).toBe("chosen");
  });
});
