import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kpiStatus, periodBounds } from "./kpi.js";

describe("periods", () => {
  it("knows the first and last day of a year, a quarter and a month", () => {
    expect(periodBounds("2026")).toEqual({ start: "2026-01-01", end: "2026-12-31" });
    expect(periodBounds("2026-Q1")).toEqual({ start: "2026-01-01", end: "2026-03-31" });
    expect(periodBounds("2028-02")).toEqual({ start: "2028-02-01", end: "2028-02-29" });
    expect(periodBounds("2026-Q5")).toBeNull();
    expect(periodBounds("Q1 2026")).toBeNull();
  });
});

describe("KPI status", () => {
  const plan = { planStartYear: 2025, planEndYear: 2028 };
  it("is behind, on course or reached by how far it got in the plan's time, for either direction", () => {
    const down = { ...plan, baseline: 20, target: 10, direction: "down" as const };
    expect(kpiStatus({ ...down, latest: null })).toBe("no_data");
    expect(kpiStatus({ ...down, latest: { value: 16, periodEnd: "2026-12-31" } })).toBe("off_target");
    expect(kpiStatus({ ...down, latest: { value: 14, periodEnd: "2026-12-31" } })).toBe("on_track");
    expect(kpiStatus({ ...down, latest: { value: 10, periodEnd: "2026-03-31" } })).toBe("achieved");
    const up = { ...plan, baseline: 50, target: 90, direction: "up" as const };
    expect(kpiStatus({ ...up, latest: { value: 55, periodEnd: "2025-12-31" } })).toBe("off_target");
    expect(kpiStatus({ ...up, latest: { value: 65, periodEnd: "2025-12-31" } })).toBe("on_track");
  });

  it("is reached exactly when the value is at or beyond the target", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -1000, max: 1000 }),
        fc.constantFrom("up" as const, "down" as const),
        (baseline, target, value, direction) => {
          const status = kpiStatus({
            ...plan,
            baseline,
            target,
            direction,
            latest: { value, periodEnd: "2026-06-30" },
          });
          const beyond = direction === "up" ? value >= target : value <= target;
          return (status === "achieved") === beyond;
        },
      ),
    );
  });
});
