import {
  AppShell,
  Burger,
  Group,
  NavLink,
  SegmentedControl,
  Text,
  Title,
  UnstyledButton,
  VisuallyHidden,
} from "@mantine/core";
import { useDebouncedValue, useDisclosure } from "@mantine/hooks";
import { Spotlight, type SpotlightActionGroupData, spotlight } from "@mantine/spotlight";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, Outlet, useNavigate, useRouterState } from "@tanstack/react-router";
import { useState } from "react";
import { api, unwrap } from "../api";
import { setLanguage, useT } from "../i18n";
import type { MessageKey } from "../i18n/nl";
import { useSession } from "../session";

interface NavItem {
  to: string;
  label: MessageKey;
  permission?: string;
}
// Only modules that exist are in the menu; an item needing a permission shows only with it.
const NAV: NavItem[] = [
  { to: "/", label: "nav.dashboard" },
  { to: "/organisaties", label: "nav.organisations", permission: "organisation.list" },
  { to: "/personen", label: "nav.persons", permission: "person.list" },
  { to: "/netwerk", label: "nav.network", permission: "organisation.list" },
  { to: "/sociale-kaart", label: "nav.socialMap", permission: "socialMap.search" },
  { to: "/organen", label: "nav.bodies", permission: "body.list" },
  { to: "/mandaten", label: "nav.mandates", permission: "mandate.list" },
  { to: "/vergaderingen", label: "nav.meetings", permission: "meeting.list" },
  { to: "/besluiten", label: "nav.decisions", permission: "decision.list" },
  { to: "/acties", label: "nav.actionItems", permission: "actionItem.list" },
  { to: "/stemmingen", label: "nav.proposals", permission: "proposal.list" },
  { to: "/consultaties", label: "nav.consultations", permission: "consultation.list" },
  { to: "/regioplan", label: "nav.plans", permission: "plan.list" },
  { to: "/projecten", label: "nav.projects", permission: "project.list" },
  { to: "/speerpunten", label: "nav.priorities", permission: "prioritisation.list" },
  { to: "/wie-doet-wat", label: "nav.actions", permission: "action.list" },
  { to: "/indicatoren", label: "nav.kpis", permission: "kpi.list" },
  { to: "/successen", label: "nav.successes", permission: "success.list" },
  { to: "/voortgang", label: "nav.reports", permission: "report.list" },
  { to: "/stand-van-zaken", label: "nav.planDashboard", permission: "plan.read" },
  { to: "/stukken", label: "nav.documents", permission: "document.list" },
  { to: "/werkgebied", label: "nav.areas", permission: "area.list" },
  { to: "/gebruikers", label: "nav.users", permission: "user.list" },
  { to: "/logboek", label: "nav.logbook", permission: "auditEvent.list" },
  { to: "/beheer/email", label: "nav.mail", permission: "mail.list" },
  { to: "/beheer/regio", label: "nav.settings", permission: "region.update" },
  { to: "/profiel", label: "nav.profile" },
];

export function Shell() {
  const [opened, { toggle, close }] = useDisclosure();
  const { t, lang } = useT();
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const path = useRouterState({ select: (s) => s.location.pathname });
  const items = NAV.filter((n) => !n.permission || session?.permissions[n.permission]);

  // The spotlight finds pages, and people when the user may see the user list.
  const [query, setQuery] = useState("");
  const [search] = useDebouncedValue(query.trim(), 250);
  const canListUsers = Boolean(session?.permissions["user.list"]);
  const people = useQuery({
    queryKey: ["spotlight-people", search],
    enabled: canListUsers && search.length >= 2,
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/users", { params: { query: { q: search, limit: 8 } } })).items,
  });
  const actions: SpotlightActionGroupData[] = [
    {
      group: t("nav.pages"),
      actions: items.map((n) => ({ id: n.to, label: t(n.label), onClick: () => navigate({ to: n.to }) })),
    },
    {
      group: t("nav.people"),
      actions: (search.length >= 2 ? (people.data ?? []) : []).map((u) => ({
        id: `user-${u.id}`,
        label: u.name,
        description: `${u.email} · ${t(`role.${u.role}` as MessageKey)}`,
        keywords: [u.email],
        onClick: () => navigate({ to: "/gebruikers", search: { q: u.email } }),
      })),
    },
  ];

  async function logout() {
    unwrap(await api.POST("/api/v1/auth/logout"));
    queryClient.clear();
    await navigate({ to: "/inloggen" });
  }

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a href="#inhoud" className="skip-link">
        {t("app.skip")}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t("nav.toggle")} />
            <Title order={1} size="h4">
              {t("app.name")}
            </Title>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <UnstyledButton onClick={() => spotlight.open()} aria-label={t("nav.search")} px="xs">
              <Text size="sm">
                🔍 <VisuallyHidden>{t("nav.search")}</VisuallyHidden>
              </Text>
            </UnstyledButton>
            <SegmentedControl
              size="xs"
              aria-label={t("lang.label")}
              value={lang}
              onChange={(v) => setLanguage(v as "nl" | "en")}
              data={[
                { value: "nl", label: "NL" },
                { value: "en", label: "EN" },
              ]}
            />
          </Group>
        </Group>
      </AppShell.Header>
      {/* The menu scrolls on its own when it is taller than the screen (a phone held upright). */}
      <AppShell.Navbar p="xs" aria-label={t("nav.main")} component="nav" style={{ overflowY: "auto" }}>
        {items.map((n) => (
          <NavLink
            key={n.to}
            component={Link}
            to={n.to}
            label={t(n.label)}
            active={path === n.to}
            onClick={close}
            aria-current={path === n.to ? "page" : undefined}
          />
        ))}
        <NavLink component="button" label={t("nav.logout")} onClick={logout} mt="auto" />
        {session && (
          <Text size="xs" c="gray.7" px="sm" mt="xs">
            {session.user.name} · {t(`role.${session.user.role}` as MessageKey)}
          </Text>
        )}
      </AppShell.Navbar>
      <AppShell.Main id="inhoud" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
      <Spotlight
        actions={actions}
        query={query}
        onQueryChange={setQuery}
        nothingFound={t("nav.nothingFound")}
        searchProps={{ placeholder: t("nav.searchPlaceholder"), "aria-label": t("nav.search") }}
        shortcut={["mod + K", "/"]}
      />
    </AppShell>
  );
}
