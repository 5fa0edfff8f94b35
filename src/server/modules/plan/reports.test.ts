import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfText } from "../../../../tests/support/pdf-text.js";
import { type Caller, fieldOf, World } from "../../../../tests/support/world.js";
import { remindProgressReports } from "./report-reminders.js";

let world: World;
let staff: Caller;
let leader: Caller;

function call(as: Caller, method: "GET" | "POST" | "PUT", url: string, payload?: unknown) {
  return world.inject(as, { method, url, ...(payload ? { payload } : {}) });
}
async function ok(method: "POST" | "PUT", url: string, payload: unknown, status = 200, as = staff) {
  const r = await call(as, method, url, payload);
  expect(r.statusCode, r.body).toBe(status);
  return r.json();
}

beforeAll(async () => {
  world = await World.create();
  staff = await world.as("a", "medewerker");
  leader = await world.as("a", "projectleider");
});
afterAll(() => world?.close());

describe("progress reports", () => {
  it("asks the leaders of running projects by e-mail, takes their reports with a KPI snapshot, consolidates and closes", async () => {
    const sanne = await ok(
      "POST",
      "/api/v1/persons",
      { givenName: "Sanne", familyName: "Leider", email: "sanne@example.org" },
      201,
    );
    const plan = await ok(
      "POST",
      "/api/v1/plans",
      { title: "Regioplan", startYear: 2025, endYear: 2028 },
      201,
    );
    const area = await ok("POST", `/api/v1/plans/${plan.id}/policy-areas`, { name: "GGZ" }, 201);
    const result = await ok(
      "POST",
      `/api/v1/policy-areas/${area.id}/result-areas`,
      { name: "Kortere wachttijd" },
      201,
    );
    const kpi = await ok(
      "POST",
      "/api/v1/kpis",
      {
        resultAreaId: result.id,
        name: "Wachttijd",
        unit: "dagen",
        baseline: 60,
        target: 30,
        direction: "down",
      },
      201,
    );
    await ok(
      "POST",
      `/api/v1/kpis/${kpi.id}/measurements`,
      { period: "2026-Q3", value: 45, unit: "dagen" },
      201,
    );
    const programme = await ok(
      "POST",
      "/api/v1/programmes",
      { name: "GGZ in de wijk", level: "district" },
      201,
    );
    const project = (name: string, extra = {}) =>
      ok("POST", "/api/v1/projects", { programmeId: programme.id, name, level: "district", ...extra }, 201);
    const own = await project("POH-GGZ jeugd", { leaderPersonId: sanne.id, resultAreaIds: [result.id] });
    await project("Afgerond", { phase: "closed", leaderPersonId: sanne.id });
    const other = await project("Zonder leider");

    const round = await ok(
      "POST",
      "/api/v1/report-rounds",
      { period: "2026-q4", dueDate: "2026-12-20" },
      201,
    );
    expect(round).toMatchObject({ period: "2026-Q4", requested: 2, submitted: 0, closed: false });
    const asked = await world.rows<{ to: string; subject: string }>(
      sql`select "to", subject from mail_outbox where subject like 'Voortgangsrapportage 2026-Q4%'`,
    );
    expect(asked).toEqual([
      { to: "sanne@example.org", subject: "Voortgangsrapportage 2026-Q4: POH-GGZ jeugd" },
    ]);
    expect(
      fieldOf(
        await call(staff, "POST", "/api/v1/report-rounds", { period: "2026-Q4", dueDate: "2026-12-20" }),
      ),
    ).toEqual([409, "body.period"]);

    // Reminded once, three days before the due date, of what is not yet written.
    await remindProgressReports(world.db, "https://regiotafel.example.org", "2026-12-10");
    await remindProgressReports(world.db, "https://regiotafel.example.org", "2026-12-17");
    await remindProgressReports(world.db, "https://regiotafel.example.org", "2026-12-18");
    const reminded = await world.rows<{ subject: string }>(
      sql`select subject from mail_outbox where subject like 'Herinnering: voortgangsrapportage%'`,
    );
    expect(reminded).toEqual([{ subject: "Herinnering: voortgangsrapportage 2026-Q4: POH-GGZ jeugd" }]);

    // The leader writes the report of their own project, not another's.
    await world.linkPerson(leader, sanne.id);
    const detail = (await call(leader, "GET", `/api/v1/report-rounds/${round.id}`)).json();
    const mine = detail.reports.find((r: { project: { id: string } }) => r.project.id === own.id);
    const theirs = detail.reports.find((r: { project: { id: string } }) => r.project.id === other.id);
    expect([mine.mine, theirs.mine]).toEqual([true, false]);
    const refused = await call(leader, "PUT", `/api/v1/progress-reports/${theirs.id}`, {
      version: 1,
      rag: "green",
      narrative: "x",
    });
    expect(fieldOf(refused)).toEqual([403, "params.id"]);
    const written = await ok(
      "PUT",
      `/api/v1/progress-reports/${mine.id}`,
      { version: 1, rag: "orange", narrative: "Werving loopt.", risks: "Krappe arbeidsmarkt" },
      200,
      leader,
    );
    const report = written.reports.find((r: { id: string }) => r.id === mine.id);
    expect(report).toMatchObject({
      rag: "orange",
      risks: "Krappe arbeidsmarkt",
      kpiSnapshot: [{ name: "Wachttijd", latest: { period: "2026-Q3", value: 45 }, status: "on_track" }],
    });
    expect(written.byProgramme).toEqual([
      { id: programme.id, name: "GGZ in de wijk", green: 0, orange: 1, red: 0, missing: 1 },
    ]);
    expect(written.byResultArea).toEqual([
      { id: result.id, name: "Kortere wachttijd", green: 0, orange: 1, red: 0, missing: 0 },
    ]);
    expect(written.submitted).toBe(1);

    // The regional report as PDF and Excel.
    const pdf = await call(staff, "GET", `/api/v1/report-rounds/${round.id}/report.pdf`);
    expect([pdf.statusCode, pdf.headers["content-type"]]).toEqual([200, "application/pdf"]);
    // The text as read from the PDF, lines joined (a line may break after a hyphen).
    const text = (await pdfText(pdf.rawPayload)).replace(/-\n/g, "-").replace(/\s+/g, " ");
    expect(text).toContain("Voortgangsrapportage 2026-Q4");
    expect(text).toContain("POH-GGZ jeugd: Oranje");
    expect(text).toContain("Krappe arbeidsmarkt");
    const xlsx = await call(staff, "GET", `/api/v1/report-rounds/${round.id}/report.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-disposition"]).toContain("voortgang_2026-Q4.xlsx");
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");

    // Closed: the reports are the record.
    const closed = await ok("POST", `/api/v1/report-rounds/${round.id}/close`, { version: 1 });
    expect(closed.closed).toBe(true);
    const late = await call(staff, "PUT", `/api/v1/progress-reports/${theirs.id}`, {
      version: 1,
      rag: "red",
      narrative: "Te laat",
    });
    expect(fieldOf(late)).toEqual([409, "params.id"]);
    const foreign = await world.as("b", "medewerker");
    expect((await call(foreign, "GET", `/api/v1/report-rounds/${round.id}`)).statusCode).toBe(404);
  });
});
