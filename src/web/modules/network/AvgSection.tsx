import { Button, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap } from "../../api";
import { useT } from "../../i18n";
import { notify, notifyError } from "../../notify";

/**
 * The AVG requests about one person: download everything stored (JSON or Excel) and, for a
 * beheerder, erase the personal data. Erasing asks to type the name, since it cannot be undone.
 */
export function AvgSection({
  person,
  canErase,
}: {
  person: { id: string; name: string; version: number; erasedAt: string | null };
  canErase: boolean;
}) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const [confirmation, setConfirmation] = useState("");
  const base = `/api/v1/persons/${person.id}/dossier`;

  async function erase() {
    try {
      const next = unwrap(
        await api.POST("/api/v1/persons/{id}/erase", {
          params: { path: { id: person.id } },
          body: { version: person.version },
        }),
      );
      queryClient.setQueryData(["person", person.id], next);
      await queryClient.invalidateQueries({ queryKey: ["persons"] });
      notify(t("avg.erased"));
    } catch (e) {
      notifyError(e);
    }
  }

  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="xs">
        {t("avg.title")}
      </Title>
      <Stack gap="sm">
        <Text size="sm">{t("avg.exportHelp")}</Text>
        <Group>
          <Button component="a" href={`${base}?format=xlsx`} variant="default" size="xs" download>
            {t("avg.exportXlsx")}
          </Button>
          <Button component="a" href={`${base}?format=json`} variant="default" size="xs" download>
            {t("avg.exportJson")}
          </Button>
        </Group>
        {person.erasedAt ? (
          <Text>
            {t("avg.isErased", { date: person.erasedAt.slice(0, 10).split("-").reverse().join("-") })}
          </Text>
        ) : (
          canErase && (
            <>
              <Text size="sm">{t("avg.eraseHelp")}</Text>
              <Group align="flex-end">
                <TextInput
                  label={t("avg.confirmLabel", { name: person.name })}
                  value={confirmation}
                  onChange={(e) => setConfirmation(e.currentTarget.value)}
                  w={{ base: "100%", sm: 320 }}
                />
                <Button color="red" onClick={erase} disabled={confirmation.trim() !== person.name}>
                  {t("avg.erase")}
                </Button>
              </Group>
            </>
          )
        )}
      </Stack>
    </Paper>
  );
}
