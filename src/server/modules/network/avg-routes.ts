import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { attachment, type Column, toWorkbook, XLSX_TYPE } from "../../platform/export.js";
import { erasePerson, personDossier } from "./avg-service.js";
import { idParams } from "./fields.js";
import { personSchema } from "./persons-routes.js";
import { personPolicy } from "./policy.js";

type Dossier = Awaited<ReturnType<typeof personDossier>>;
const text = (v: unknown) =>
  v === null || v === undefined ? "" : typeof v === "string" ? v : JSON.stringify(v);

/** The dossier as a workbook a person can read: one sheet per kind of data. */
function dossierWorkbook(d: Dossier) {
  const fields = Object.entries(d.person).map(([field, value]) => ({ field, value: text(value) }));
  const fieldColumns: Column<(typeof fields)[number]>[] = [
    { header: "Gegeven", value: (r) => r.field, width: 20 },
    { header: "Waarde", value: (r) => r.value, width: 50 },
  ];
  const workColumns: Column<Dossier["workRelations"][number]>[] = [
    { header: "Organisatie", value: (w) => w.organisationName, width: 36 },
    { header: "Functie", value: (w) => w.function },
    { header: "FTE", value: (w) => w.fte, width: 8 },
    { header: "Van", value: (w) => w.fromDate, width: 12 },
    { header: "Tot", value: (w) => w.toDate, width: 12 },
  ];
  const membershipColumns: Column<Dossier["memberships"][number]>[] = [
    { header: "Lid van", value: (m) => m.organisationName, width: 36 },
    { header: "Soort", value: (m) => m.type, width: 14 },
    { header: "Van", value: (m) => m.startDate, width: 12 },
    { header: "Tot", value: (m) => m.endDate, width: 12 },
    { header: "Contributiecategorie", value: (m) => m.contributionCategory },
  ];
  const auditColumns: Column<Dossier["auditTrail"][number]>[] = [
    { header: "Wanneer", value: (r) => r.at, width: 24 },
    { header: "Door", value: (r) => r.actorName, width: 24 },
    { header: "Wat", value: (r) => `${r.entityType} ${r.action}`, width: 24 },
    { header: "Wijzigingen", value: (r) => JSON.stringify(r.changes), width: 80 },
  ];
  return toWorkbook([
    { name: "Persoon", rows: fields, columns: fieldColumns },
    { name: "Werkrelaties", rows: d.workRelations, columns: workColumns },
    { name: "Lidmaatschappen", rows: d.memberships, columns: membershipColumns },
    { name: "Logboek", rows: d.auditTrail, columns: auditColumns },
  ]);
}

export const avgRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/persons/:id/dossier", {
    schema: {
      tags: ["netwerk"],
      summary:
        "AVG-inzage: alles wat over een persoon is opgeslagen (persoon, werkrelaties, lidmaatschappen, logboek), als JSON of xlsx",
      params: idParams,
      querystring: z.object({ format: z.enum(["json", "xlsx"]).default("json") }).strict(),
    },
    config: {
      access: personPolicy.access("dossier"),
      example: async ({ create }) => ({ params: { id: await create("person") } }),
    },
    handler: async (request, reply) => {
      const dossier = await request.ctx((ctx) => personDossier(ctx, request.params.id));
      const name = `persoonsgegevens-${request.params.id.slice(0, 8)}-${dossier.exportedAt.slice(0, 10)}`;
      if (request.query.format === "xlsx")
        return reply
          .header("content-disposition", attachment(`${name}.xlsx`))
          .type(XLSX_TYPE)
          .send(await dossierWorkbook(dossier));
      return reply.header("content-disposition", attachment(`${name}.json`)).send(dossier);
    },
  });

  app.post("/persons/:id/erase", {
    schema: {
      tags: ["netwerk"],
      summary:
        "AVG: de persoonsgegevens van een persoon verwijderen (namen, nummers, contactgegevens); aantallen en logboek behouden hun vorm",
      params: idParams,
      body: z.object({ version: z.number().int().positive() }).strict(),
      response: { 200: personSchema },
    },
    config: {
      access: personPolicy.access("erase"),
      example: async ({ create }) => ({ params: { id: await create("person") }, body: { version: 1 } }),
    },
    handler: (request) => request.ctx((ctx) => erasePerson(ctx, request.params.id, request.body)),
  });
};
