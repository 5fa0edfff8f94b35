import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payloadFor } from "../../../../tests/support/routes.js";
import { type Caller, World } from "../../../../tests/support/world.js";
import { TINY_PDF, TINY_PNG } from "../../platform/files.js";

let world: World;
let staff: Caller;
let member: Caller;

function call(as: Caller, method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: unknown) {
  return world.inject(as, { method, url, ...(payload ? { payload } : {}) });
}
/** A multipart upload of one file as the field `file`. */
function upload(as: Caller, url: string, name: string, base64: string) {
  const { payload, headers } = payloadFor({ multipart: { name, base64 } });
  return world.inject(as, { method: "PUT", url, payload, headers });
}

beforeAll(async () => {
  world = await World.create();
  staff = await world.as("a", "medewerker");
  member = await world.as("a", "lid");
});
afterAll(() => world?.close());

describe("successes", () => {
  it("posts a success with its project and photo, shows it on the wall and puts it in the newsletter", async () => {
    const project = await world.create("project", staff);
    const posted = await call(member, "POST", "/api/v1/successes", {
      title: "Valpreventie <groep> vol",
      story: "Twaalf ouderen oefenen wekelijks.\n\nDe fysiotherapeut & de POH werken samen.",
      projectId: project,
      happenedOn: "2026-10-01",
    });
    expect(posted.statusCode, posted.body).toBe(201);
    const success = posted.json();
    expect(success).toMatchObject({
      project: { id: project, name: "Fixture Project" },
      hasPhoto: false,
      mine: true,
    });
    await call(staff, "POST", "/api/v1/successes", {
      title: "Ouder",
      story: "Eerder.",
      happenedOn: "2026-03-01",
    });

    // The photo must be an image; the member adds one to their own success.
    const pdf = await upload(member, `/api/v1/successes/${success.id}/photo`, "foto.pdf", TINY_PDF);
    expect(pdf.statusCode).toBe(415);
    const photo = await upload(member, `/api/v1/successes/${success.id}/photo`, "foto.png", TINY_PNG);
    expect(photo.statusCode, photo.body).toBe(200);
    expect(photo.json().hasPhoto).toBe(true);
    const shown = await call(staff, "GET", `/api/v1/successes/${success.id}/photo`);
    expect([shown.statusCode, shown.headers["content-type"]]).toEqual([200, "image/png"]);

    // Someone else's success: another member may not change it, the bureau may.
    const other = await world.as("a", "lid");
    const refused = await call(other, "PATCH", `/api/v1/successes/${success.id}`, {
      version: 2,
      title: "Anders",
    });
    expect([refused.statusCode, refused.json().errors[0].field]).toEqual([403, "params.id"]);
    expect((await call(other, "GET", "/api/v1/successes")).json().items[0].mine).toBe(false);
    const stale = await call(staff, "PATCH", `/api/v1/successes/${success.id}`, {
      version: 1,
      title: "Anders",
    });
    expect(stale.statusCode).toBe(409);

    const wall = (await call(other, "GET", "/api/v1/successes")).json().items;
    expect(wall.map((s: { title: string }) => s.title)).toEqual(["Valpreventie <groep> vol", "Ouder"]);
    const letter = await call(staff, "GET", "/api/v1/successes/newsletter?from=2026-09-01");
    expect(letter.headers["content-type"]).toMatch(/^text\/html/);
    expect(letter.body).toContain("<h2>Valpreventie &lt;groep&gt; vol</h2>");
    expect(letter.body).toContain("<p>De fysiotherapeut &amp; de POH werken samen.</p>");
    expect(letter.body).toContain('src="data:image/png;base64,');
    expect(letter.body).not.toContain("Ouder");

    const foreign = await world.as("b", "medewerker");
    expect((await call(foreign, "GET", `/api/v1/successes/${success.id}/photo`)).statusCode).toBe(404);
    expect((await call(member, "DELETE", `/api/v1/successes/${success.id}?version=2`)).statusCode).toBe(204);
  });
});
