import type { QueryClient } from "@tanstack/react-query";
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from "@tanstack/react-router";
import { Shell } from "./components/Shell";
import { sessionQuery } from "./session";

interface RouterContext {
  queryClient: QueryClient;
}

const root = createRootRouteWithContext<RouterContext>()({ component: Outlet });

// Pages outside the shell: reachable without a session.
const login = createRoute({
  getParentRoute: () => root,
  path: "/inloggen",
  component: lazyRouteComponent(() => import("./modules/accounts/LoginPage"), "LoginPage"),
});
const forgot = createRoute({
  getParentRoute: () => root,
  path: "/wachtwoord-vergeten",
  component: lazyRouteComponent(() => import("./modules/accounts/PasswordPages"), "ForgotPasswordPage"),
});
const reset = createRoute({
  getParentRoute: () => root,
  path: "/wachtwoord-herstellen/$token",
  component: lazyRouteComponent(() => import("./modules/accounts/PasswordPages"), "ResetPasswordPage"),
});
const invitation = createRoute({
  getParentRoute: () => root,
  path: "/uitnodiging/$token",
  component: lazyRouteComponent(() => import("./modules/accounts/PasswordPages"), "AcceptInvitationPage"),
});

/** The public sociale kaart of a region that publishes it: no login, no shell. */
const publicMap = createRoute({
  getParentRoute: () => root,
  path: "/kaart/$slug",
  component: lazyRouteComponent(() => import("./modules/network/PublicSocialMapPage"), "PublicSocialMapPage"),
});

// Everything else needs a session; without one, the login page (and back afterwards).
const app = createRoute({
  getParentRoute: () => root,
  id: "app",
  component: Shell,
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.fetchQuery(sessionQuery);
    if (!session) throw redirect({ to: "/inloggen", search: { terug: location.href } });
    return { session };
  },
});
const page = <P extends string>(path: P, load: () => Promise<Record<string, unknown>>, name: string) =>
  createRoute({
    getParentRoute: () => app,
    path,
    component: lazyRouteComponent(load as never, name as never),
  });
/** The users list takes its search from the address (`/gebruikers?q=…`), e.g. from the spotlight. */
export const usersRoute = createRoute({
  getParentRoute: () => app,
  path: "/gebruikers",
  validateSearch: (search: Record<string, unknown>): { q?: string } =>
    typeof search.q === "string" && search.q ? { q: search.q.slice(0, 200) } : {},
  component: lazyRouteComponent(() => import("./modules/accounts/UsersPage"), "UsersPage"),
});
/** What is imported comes from the address (`/import?soort=personen`), so each list links to its own. */
export const IMPORT_SLUGS = {
  organisaties: "organisations",
  personen: "persons",
  werkrelaties: "workRelations",
  lidmaatschappen: "memberships",
} as const;
export type ImportSlug = keyof typeof IMPORT_SLUGS;
export const importRoute = createRoute({
  getParentRoute: () => app,
  path: "/import",
  validateSearch: (search: Record<string, unknown>): { soort?: ImportSlug } =>
    typeof search.soort === "string" && search.soort in IMPORT_SLUGS
      ? { soort: search.soort as ImportSlug }
      : {},
  component: lazyRouteComponent(() => import("./modules/network/ImportPage"), "ImportPage"),
});

const routeTree = root.addChildren([
  login,
  forgot,
  reset,
  invitation,
  publicMap,
  app.addChildren([
    page("/", () => import("./modules/regions/DashboardPage"), "DashboardPage"),
    usersRoute,
    page("/organisaties", () => import("./modules/network/OrganisationsPage"), "OrganisationsPage"),
    importRoute,
    page("/organisaties/nieuw", () => import("./modules/network/OrganisationPage"), "NewOrganisationPage"),
    page("/organisaties/$id", () => import("./modules/network/OrganisationPage"), "OrganisationPage"),
    page(
      "/organisaties/$id/profiel",
      () => import("./modules/network/NetworkProfilePage"),
      "NetworkProfilePage",
    ),
    page("/netwerk", () => import("./modules/network/NetworkPage"), "NetworkPage"),
    page("/netwerk/leden", () => import("./modules/network/MemberCountsPage"), "MemberCountsPage"),
    page("/sociale-kaart", () => import("./modules/network/SocialMapPage"), "SocialMapPage"),
    page("/werkgebied", () => import("./modules/network/WerkgebiedPage"), "WerkgebiedPage"),
    page("/personen", () => import("./modules/network/PersonsPage"), "PersonsPage"),
    page("/personen/nieuw", () => import("./modules/network/PersonPage"), "NewPersonPage"),
    page("/personen/$id", () => import("./modules/network/PersonPage"), "PersonPage"),
    page("/organen", () => import("./modules/governance/BodiesPage"), "BodiesPage"),
    page("/mandaten", () => import("./modules/governance/MandatesPage"), "MandatesPage"),
    page("/organen/$id", () => import("./modules/governance/BodyPage"), "BodyPage"),
    page("/vergaderingen", () => import("./modules/governance/MeetingsPage"), "MeetingsPage"),
    page("/vergaderingen/$id", () => import("./modules/governance/MeetingPage"), "MeetingPage"),
    page("/besluiten", () => import("./modules/governance/DecisionsPage"), "DecisionsPage"),
    page("/acties", () => import("./modules/governance/ActionItemsPage"), "ActionItemsPage"),
    page("/stemmingen", () => import("./modules/governance/ProposalsPage"), "ProposalsPage"),
    page("/stemmingen/$id", () => import("./modules/governance/ProposalPage"), "ProposalPage"),
    page("/stukken", () => import("./modules/governance/DocumentSearchPage"), "DocumentSearchPage"),
    page("/consultaties", () => import("./modules/governance/ConsultationsPage"), "ConsultationsPage"),
    page("/consultaties/$id", () => import("./modules/governance/ConsultationPage"), "ConsultationPage"),
    page("/regioplan", () => import("./modules/plan/PlansPage"), "PlansPage"),
    page("/regioplan/$id", () => import("./modules/plan/PlanPage"), "PlanPage"),
    page("/projecten", () => import("./modules/plan/ProjectsPage"), "ProjectsPage"),
    page("/speerpunten", () => import("./modules/plan/PrioritisationsPage"), "PrioritisationsPage"),
    page("/speerpunten/$id", () => import("./modules/plan/PrioritisationPage"), "PrioritisationPage"),
    page("/wie-doet-wat", () => import("./modules/plan/ActionsPage"), "ActionsPage"),
    page("/indicatoren", () => import("./modules/plan/KpisPage"), "KpisPage"),
    page("/indicatoren/$id", () => import("./modules/plan/KpiPage"), "KpiPage"),
    page("/successen", () => import("./modules/plan/SuccessesPage"), "SuccessesPage"),
    page("/stand-van-zaken", () => import("./modules/plan/PlanDashboardPage"), "PlanDashboardPage"),
    page("/voortgang", () => import("./modules/plan/ReportsPage"), "ReportsPage"),
    page("/voortgang/$id", () => import("./modules/plan/ReportRoundPage"), "ReportRoundPage"),
    page("/logboek", () => import("./modules/logbook/LogbookPage"), "LogbookPage"),
    page("/beheer/email", () => import("./modules/mail/MailPage"), "MailPage"),
    page("/beheer/regio", () => import("./modules/regions/RegionSettingsPage"), "RegionSettingsPage"),
    page("/profiel", () => import("./modules/accounts/ProfilePage"), "ProfilePage"),
  ]),
]);

export const createAppRouter = (queryClient: QueryClient) =>
  createRouter({ routeTree, context: { queryClient }, defaultPreload: "intent" });

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
