import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import type { ORGANISATION_KINDS } from "../../../shared/network";
import { api, unwrap } from "../../api";
import { PageTitle } from "../../components/PageTitle";
import { Stat } from "../../components/Stat";
import { useT } from "../../i18n";
import type { MessageKey } from "../../i18n/nl";

type Kind = (typeof ORGANISATION_KINDS)[number];
interface Node {
  id: string;
  name: string;
  kind: Kind;
  parentId: string | null;
  children: Node[];
}

/** Where each top-level organisation belongs in the picture of the region. */
const SECTIONS: { key: MessageKey; kinds: readonly Kind[] }[] = [
  { key: "network.structure", kinds: ["cooperative", "care_group", "neighbourhood_network"] },
  { key: "network.associations", kinds: ["professional_association"] },
  {
    key: "network.partners",
    kinds: [
      "hospital",
      "gp_out_of_hours",
      "elderly_care",
      "district_nursing",
      "municipality",
      "health_insurer",
      "social_domain",
    ],
  },
];

function buildTree(items: Omit<Node, "children">[]) {
  const nodes = new Map(items.map((i) => [i.id, { ...i, children: [] as Node[] }]));
  const roots: Node[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
const countAll = (n: Node): number => n.children.reduce((sum, c) => sum + 1 + countAll(c), 0);

/**
 * How the region is organised: the coöperatie with its WSVs and their practices, the
 * zorggroepen, the verenigingen and the partners, as a tree to fold open with mouse or keyboard.
 */
export function NetworkPage() {
  const { t } = useT();
  const tree = useQuery({
    queryKey: ["network"],
    queryFn: async () => unwrap(await api.GET("/api/v1/network")).items,
  });
  const [open, setOpen] = useState<Set<string>>(new Set());
  if (!tree.data) return <Text>{tree.isError ? t("common.error") : t("common.loading")}</Text>;
  const roots = buildTree(tree.data);
  const placed = new Set(SECTIONS.flatMap((s) => s.kinds));
  const sections = [
    ...SECTIONS.map((s) => ({ key: s.key, roots: roots.filter((r) => s.kinds.includes(r.kind)) })),
    { key: "network.other" as MessageKey, roots: roots.filter((r) => !placed.has(r.kind)) },
  ].filter((s) => s.roots.length);
  const count = (kind: Kind) => tree.data.filter((o) => o.kind === kind).length;
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const withChildren = tree.data.filter((o) => tree.data.some((c) => c.parentId === o.id)).map((o) => o.id);

  return (
    <Stack>
      <PageTitle>{t("network.title")}</PageTitle>
      <Text>{t("network.intro")}</Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {(
          ["neighbourhood_network", "general_practice", "care_group", "professional_association"] as const
        ).map((kind) => (
          <Stat key={kind} label={t(`org.kind.${kind}`)} value={count(kind)} />
        ))}
      </SimpleGrid>
      <Anchor renderRoot={(props) => <Link {...props} to="/netwerk/leden" />}>
        {t("network.memberCounts")}
      </Anchor>
      <Group>
        <Button variant="default" size="xs" onClick={() => setOpen(new Set(withChildren))}>
          {t("network.expandAll")}
        </Button>
        <Button variant="default" size="xs" onClick={() => setOpen(new Set())}>
          {t("network.collapseAll")}
        </Button>
      </Group>
      {sections.map((s) => (
        <Paper withBorder p="md" key={s.key}>
          <Title order={3} size="h4" mb="xs">
            {t(s.key)}
          </Title>
          <Branch nodes={s.roots} open={open} toggle={toggle} />
        </Paper>
      ))}
    </Stack>
  );
}

function Branch({ nodes, open, toggle }: { nodes: Node[]; open: Set<string>; toggle: (id: string) => void }) {
  const { t } = useT();
  return (
    <ul style={{ listStyle: "none", paddingLeft: "1.25rem", margin: 0 }}>
      {nodes.map((n) => {
        const expanded = open.has(n.id);
        return (
          <li key={n.id}>
            <Group gap={6} wrap="nowrap" py={2}>
              {n.children.length > 0 ? (
                <UnstyledButton
                  onClick={() => toggle(n.id)}
                  aria-expanded={expanded}
                  aria-label={t(expanded ? "network.collapse" : "network.expand", { name: n.name })}
                  w={20}
                  ta="center"
                >
                  {expanded ? "▾" : "▸"}
                </UnstyledButton>
              ) : (
                <span style={{ width: 20 }} />
              )}
              <Anchor
                size="sm"
                renderRoot={(props) =>
                  n.kind === "neighbourhood_network" ? (
                    <Link {...props} to="/organisaties/$id/profiel" params={{ id: n.id }} />
                  ) : (
                    <Link {...props} to="/organisaties/$id" params={{ id: n.id }} />
                  )
                }
              >
                {n.name}
              </Anchor>
              <Text span size="xs" c="gray.7">
                {t(`org.kind.${n.kind}`)}
              </Text>
              {n.children.length > 0 && (
                <Badge size="sm" variant="light" tt="none">
                  {t("network.parts", { count: countAll(n) })}
                </Badge>
              )}
            </Group>
            {expanded && <Branch nodes={n.children} open={open} toggle={toggle} />}
          </li>
        );
      })}
    </ul>
  );
}
