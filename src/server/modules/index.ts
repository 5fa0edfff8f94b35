import type { FastifyPluginAsync } from "fastify";
import { accountsRoutes } from "./accounts/routes.js";
import { consultationsRoutes } from "./governance/consultations-routes.js";
import { decisionsRoutes } from "./governance/decisions-routes.js";
import { documentsRoutes } from "./governance/documents-routes.js";
import { mandatesRoutes } from "./governance/mandates-routes.js";
import { meetingsRoutes } from "./governance/meetings-routes.js";
import { proposalsRoutes } from "./governance/proposals-routes.js";
import { governanceRoutes } from "./governance/routes.js";
import { logbookRoutes } from "./logbook/routes.js";
import { mailRoutes } from "./mail/routes.js";
import { areasRoutes } from "./network/areas-routes.js";
import { avgRoutes } from "./network/avg-routes.js";
import { fhirRoutes } from "./network/fhir-routes.js";
import { importRoutes } from "./network/import-routes.js";
import { membershipsRoutes } from "./network/memberships-routes.js";
import { networkRoutes } from "./network/network-routes.js";
import { organisationsRoutes } from "./network/organisations-routes.js";
import { personsRoutes } from "./network/persons-routes.js";
import { socialMapRoutes } from "./network/social-map-routes.js";
import { actionsRoutes } from "./plan/actions-routes.js";
import { dashboardRoutes } from "./plan/dashboard-routes.js";
import { kpisRoutes } from "./plan/kpis-routes.js";
import { prioritiesRoutes } from "./plan/priorities-routes.js";
import { projectsRoutes } from "./plan/projects-routes.js";
import { reportsRoutes } from "./plan/reports-routes.js";
import { planRoutes } from "./plan/routes.js";
import { successesRoutes } from "./plan/successes-routes.js";
import { regionsRoutes } from "./regions/routes.js";

/** Every module's routes, mounted under /api/v1. A new module adds itself here. */
export const modules: FastifyPluginAsync[] = [
  accountsRoutes,
  regionsRoutes,
  logbookRoutes,
  mailRoutes,
  organisationsRoutes,
  personsRoutes,
  membershipsRoutes,
  areasRoutes,
  socialMapRoutes,
  networkRoutes,
  avgRoutes,
  importRoutes,
  fhirRoutes,
  governanceRoutes,
  mandatesRoutes,
  meetingsRoutes,
  decisionsRoutes,
  proposalsRoutes,
  consultationsRoutes,
  documentsRoutes,
  planRoutes,
  projectsRoutes,
  prioritiesRoutes,
  actionsRoutes,
  kpisRoutes,
  successesRoutes,
  dashboardRoutes,
  reportsRoutes,
];
