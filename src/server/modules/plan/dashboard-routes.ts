import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { PROJECT_PHASES, WORK_LEVELS } from "../../../shared/plan.js";
import { actionSchema } from "./actions-routes.js";
import { planDashboard } from "./dashboard-service.js";
import { kpiSchema } from "./kpis-routes.js";
import { planPolicy } from "./policy.js";
import { successSchema } from "./successes-routes.js";

export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/plan-dashboard", {
    schema: {
      tags: ["regioplan"],
      summary:
        "Het stuurgroepdashboard: de programma's met hun projecten per fase, acties over de datum, indicatoren die achterlopen en de nieuwste successen",
      response: {
        200: z.object({
          programmes: z.array(
            z.object({
              id: z.uuid(),
              name: z.string(),
              level: z.enum(WORK_LEVELS),
              phases: z.partialRecord(z.enum(PROJECT_PHASES), z.number().int()),
              projectCount: z.number().int(),
            }),
          ),
          overdueActions: z.object({ count: z.number().int(), items: z.array(actionSchema) }),
          kpisOffTarget: z.array(kpiSchema),
          kpiCounts: z.object({
            achieved: z.number().int(),
            on_track: z.number().int(),
            off_target: z.number().int(),
            no_data: z.number().int(),
          }),
          successes: z.array(successSchema),
        }),
      },
    },
    config: { access: planPolicy.access("read") },
    handler: (request) => request.ctx(planDashboard),
  });
};
