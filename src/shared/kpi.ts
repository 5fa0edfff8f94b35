/**
 * Indicators (KPIs) of the regioplan: what is measured, in which unit, from which baseline to
 * which target, and whether higher or lower is better; measurements per period. Shared by server
 * and web: the status a KPI has is computed the same on both sides.
 */

/** Whether a higher value is better (`up`: patients with a care plan) or a lower one (`down`: waiting days). */
export const KPI_DIRECTIONS = ["up", "down"] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];

/**
 * Where a KPI stands (labels: `kpi.status.<status>`): no measurement yet; the target reached; on
 * course (at least as far from the baseline towards the target as the plan's time has passed);
 * off target (behind that).
 */
export const KPI_STATUSES = ["no_data", "achieved", "on_track", "off_target"] as const;
export type KpiStatus = (typeof KPI_STATUSES)[number];

/** A period as people write it: a year `2026`, a quarter `2026-Q1`, or a month `2026-03`. */
export const PERIOD = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/;

/** The first and last day of a period, or null when it is not one. */
export function periodBounds(period: string): { start: string; end: string } | null {
  const m = PERIOD.exec(period);
  if (!m) return null;
  const year = Number(m[1]);
  const [first, last] = m[2]
    ? [(Number(m[2]) - 1) * 3 + 1, Number(m[2]) * 3]
    : m[3]
      ? [Number(m[3]), Number(m[3])]
      : [1, 12];
  const pad = (n: number) => String(n).padStart(2, "0");
  const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
  return { start: `${year}-${pad(first)}-01`, end: `${year}-${pad(last)}-${pad(lastDay)}` };
}

export interface KpiStatusInput {
  baseline: number;
  target: number;
  direction: KpiDirection;
  /** The newest measurement for the whole region, and the last day of its period. */
  latest: { value: number; periodEnd: string } | null;
  /** The years of the plan the KPI serves. */
  planStartYear: number;
  planEndYear: number;
}

/**
 * The status of a KPI from its newest measurement: reached when it is at or beyond the target;
 * on track when its progress from baseline to target is at least the share of the plan period
 * that has passed at the end of the measured period; off target otherwise.
 */
export function kpiStatus(k: KpiStatusInput): KpiStatus {
  if (!k.latest) return "no_data";
  const better = (a: number, b: number) => (k.direction === "up" ? a >= b : a <= b);
  if (better(k.latest.value, k.target)) return "achieved";
  const span = k.target - k.baseline;
  const progress = span === 0 ? 0 : (k.latest.value - k.baseline) / span;
  const start = Date.UTC(k.planStartYear, 0, 1);
  const end = Date.UTC(k.planEndYear + 1, 0, 1);
  const at = Date.parse(`${k.latest.periodEnd}T00:00:00Z`) + 86_400_000;
  const elapsed = Math.min(1, Math.max(0, (at - start) / (end - start)));
  return progress >= elapsed ? "on_track" : "off_target";
}
