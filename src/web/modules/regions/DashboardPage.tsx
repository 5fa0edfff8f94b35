import { Card, SimpleGrid, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api";
import { PageTitle } from "../../components/PageTitle";
import { formatNumber, useT } from "../../i18n";
import { useSession } from "../../session";

export function DashboardPage() {
  const { t, lang } = useT();
  const session = useSession();
  const region = useQuery({
    queryKey: ["region"],
    queryFn: async () => unwrap(await api.GET("/api/v1/region")),
  }).data;
  return (
    <Stack>
      <PageTitle>{t("dashboard.title")}</PageTitle>
      <Text>{t("dashboard.welcome", { name: session?.user.name ?? "" })}</Text>
      {region && (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Card withBorder>
            <Text size="sm" c="gray.7">
              {t("dashboard.region")}
            </Text>
            <Text fw={700} size="lg">
              {region.name}
            </Text>
          </Card>
          <Card withBorder>
            <Text size="sm" c="gray.7">
              {t("dashboard.municipalities")}
            </Text>
            <Text fw={700} size="lg">
              {region.municipalities.length}
            </Text>
            <Text size="xs">{region.municipalities.map((m) => m.name).join(", ")}</Text>
          </Card>
          <Card withBorder>
            <Text size="sm" c="gray.7">
              {t("dashboard.inhabitants")}
            </Text>
            <Text fw={700} size="lg">
              {formatNumber(region.inhabitants, lang)}
            </Text>
          </Card>
        </SimpleGrid>
      )}
    </Stack>
  );
}
