import { Alert, Button, Group, List, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiProblem, api, unwrap } from "../../api";
import { useT } from "../../i18n";
import { notify, notifyError } from "../../notify";
import { OrganisationSelect } from "./OrganisationSelect";

type Preview = NonNullable<Awaited<ReturnType<typeof requestMerge>>>;

async function requestMerge(
  id: string,
  body: { targetId: string; version: number; date: string; dryRun: boolean },
) {
  return unwrap(await api.POST("/api/v1/organisations/{id}/merge", { params: { path: { id } }, body }));
}

/**
 * Let this organisation merge into another (four zorggroepen into one coöperatie): first a
 * preview of what moves, then the merge itself. Nothing changes before the second click.
 */
export function MergeSection({
  organisation,
}: {
  organisation: { id: string; name: string; version: number };
}) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const [targetId, setTargetId] = useState<string | null>(null);
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(dryRun: boolean) {
    if (!targetId) return;
    setError(null);
    try {
      const result = await requestMerge(organisation.id, {
        targetId,
        version: organisation.version,
        date,
        dryRun,
      });
      setPreview(result);
      if (result.merged) {
        notify(t("merge.done", { source: result.source.name, target: result.target.name }));
        await queryClient.invalidateQueries({ queryKey: ["organisation"] });
        await queryClient.invalidateQueries({ queryKey: ["organisations"] });
      }
    } catch (e) {
      setPreview(null);
      if (e instanceof ApiProblem && e.errors.length) setError(e.errors[0]!.message);
      else notifyError(e);
    }
  }

  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="xs">
        {t("merge.title")}
      </Title>
      <Text size="sm" mb="sm">
        {t("merge.help")}
      </Text>
      <Group align="flex-end">
        <OrganisationSelect
          label={t("merge.target")}
          exclude={organisation.id}
          value={targetId}
          onChange={(v) => {
            setTargetId(v);
            setPreview(null);
          }}
          error={error}
          w={{ base: "100%", sm: 360 }}
        />
        <TextInput
          type="date"
          label={t("merge.date")}
          value={date}
          onChange={(e) => {
            setDate(e.currentTarget.value);
            setPreview(null);
          }}
        />
        <Button variant="default" onClick={() => run(true)} disabled={!targetId || !date}>
          {t("merge.preview")}
        </Button>
      </Group>
      {preview && !preview.merged && (
        <Stack gap="xs" mt="md" role="region" aria-label={t("merge.previewTitle")}>
          <Text fw={700}>{t("merge.previewTitle")}</Text>
          <List size="sm">
            <List.Item>
              {t("merge.children", { count: preview.children.length })}
              {preview.children.length > 0 && `: ${preview.children.map((c) => c.name).join(", ")}`}
            </List.Item>
            <List.Item>{t("merge.workRelations", { count: preview.workRelations.length })}</List.Item>
            <List.Item>
              {t("merge.members", {
                moving: preview.members.moving,
                already: preview.members.alreadyInTarget,
              })}
            </List.Item>
            <List.Item>{t("merge.memberships", { count: preview.membershipsOfSource.moving })}</List.Item>
            <List.Item>{t("merge.wijken", { count: preview.wijken })}</List.Item>
          </List>
          <Alert color="gray" p="xs">
            {t("merge.history", {
              source: preview.source.name,
              target: preview.target.name,
              date: preview.date,
            })}
          </Alert>
          <Group>
            <Button color="red" onClick={() => run(false)}>
              {t("merge.confirm", { target: preview.target.name })}
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
