import { Button, Group, List, MultiSelect, Paper, Stack, Text, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiProblem, api, unwrap } from "../../api";
import { formatNumber, useT } from "../../i18n";
import { notify, notifyError } from "../../notify";
import { useWijkOptions } from "./areas";

/** The wijken a WSV covers and the inhabitants that makes; the bureau changes the choice here. */
export function CoverageSection({ organisationId, canEdit }: { organisationId: string; canEdit: boolean }) {
  const { t, lang } = useT();
  const queryClient = useQueryClient();
  const coverage = useQuery({
    queryKey: ["coverage", organisationId],
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/organisations/{id}/areas", { params: { path: { id: organisationId } } })),
  });
  const options = useWijkOptions(canEdit);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const c = coverage.data;
  if (!c) return null;

  async function save() {
    if (!c || !chosen) return;
    setError(null);
    try {
      const next = unwrap(
        await api.PUT("/api/v1/organisations/{id}/areas", {
          params: { path: { id: organisationId } },
          body: { version: c.version, wijkCodes: chosen },
        }),
      );
      queryClient.setQueryData(["coverage", organisationId], next);
      setChosen(null);
      notify(t("coverage.saved"));
      await queryClient.invalidateQueries({ queryKey: ["organisation", organisationId] });
      await queryClient.invalidateQueries({ queryKey: ["areas"] });
    } catch (e) {
      if (e instanceof ApiProblem && e.status === 409) {
        await queryClient.invalidateQueries({ queryKey: ["coverage", organisationId] });
        notify(t("org.conflict"), "red");
      } else if (e instanceof ApiProblem && e.errors.length) setError(e.errors[0]!.message);
      else notifyError(e);
    }
  }

  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        {t("coverage.title")}
      </Title>
      <Stack gap="sm">
        <Text>
          {t("coverage.summary", {
            wijken: c.wijken.length,
            inhabitants: formatNumber(c.inhabitants, lang),
            year: c.year ?? t("common.none"),
          })}
        </Text>
        {c.wijken.length > 0 && (
          <List size="sm">
            {c.wijken.map((w) => (
              <List.Item key={w.code}>
                {w.name} ({w.code}) ·{" "}
                {w.inhabitants == null ? t("common.none") : formatNumber(w.inhabitants, lang)}
              </List.Item>
            ))}
          </List>
        )}
        {canEdit && (
          <Group align="flex-end">
            <MultiSelect
              label={t("coverage.choose")}
              data={options}
              value={chosen ?? c.wijken.map((w) => w.code)}
              onChange={setChosen}
              searchable
              error={error}
              w={{ base: "100%", sm: 480 }}
              nothingFoundMessage={t("nav.nothingFound")}
            />
            <Button onClick={save} disabled={!chosen}>
              {t("coverage.save")}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
