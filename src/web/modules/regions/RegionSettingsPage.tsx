import {
  Button,
  FileInput,
  Group,
  Image,
  MultiSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiProblem, api, fileBody, unwrap } from "../../api";
import { PageTitle } from "../../components/PageTitle";
import { formatNumber, useT } from "../../i18n";
import { notify, notifyFormError } from "../../notify";

const fetchRegion = async () => unwrap(await api.GET("/api/v1/region"));

/** Name, werkgebied (chosen gemeenten) and logo of the region; beheerders only. */
export function RegionSettingsPage() {
  const { t } = useT();
  const queryClient = useQueryClient();
  const region = useQuery({ queryKey: ["region"], queryFn: fetchRegion }).data;
  const options =
    useQuery({
      queryKey: ["region", "municipality-options"],
      queryFn: async () => unwrap(await api.GET("/api/v1/region/municipality-options")).items,
      staleTime: Number.POSITIVE_INFINITY,
    }).data ?? [];

  const [logo, setLogo] = useState<File | null>(null);
  const [logoError, setLogoError] = useState<string | null>(null);
  async function uploadLogo() {
    if (!logo) return;
    setLogoError(null);
    try {
      const updated = unwrap(await api.PUT("/api/v1/region/logo", fileBody(logo)));
      queryClient.setQueryData(["region"], updated);
      setLogo(null);
      notify(t("settings.logoSaved"));
    } catch (e) {
      setLogoError(e instanceof ApiProblem ? e.title : t("common.error"));
    }
  }

  return (
    <Stack>
      <PageTitle>{t("settings.title")}</PageTitle>
      {region && <RegionForm key={region.version} region={region} options={options} />}

      <Paper withBorder p="md">
        <Stack>
          <Title order={3} size="h4">
            {t("settings.logo")}
          </Title>
          {region?.logoFileId ? (
            <Image
              src={`/api/v1/region/logo?v=${region.logoFileId}`}
              alt={t("settings.logoAlt", { name: region.name })}
              h={80}
              w="auto"
              fit="contain"
            />
          ) : (
            <Text c="gray.7">{t("settings.noLogo")}</Text>
          )}
          <Group align="flex-end">
            <FileInput
              label={t("settings.chooseLogo")}
              description={t("settings.logoHelp")}
              accept="image/png,image/jpeg,image/webp"
              value={logo}
              onChange={setLogo}
              error={logoError}
              clearable
            />
            <Button onClick={uploadLogo} disabled={!logo}>
              {t("settings.uploadLogo")}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}

type Region = Awaited<ReturnType<typeof fetchRegion>>;
type Municipality = Region["municipalities"][number];

/**
 * Name and werkgebied. Keyed on the region's version by the page, so after a save or a conflict
 * it starts again from the server's state.
 */
function RegionForm({ region, options }: { region: Region; options: Municipality[] }) {
  const { t, lang } = useT();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { name: region.name, municipalities: region.municipalities.map((m) => m.cbsCode) },
  });

  const chosen = options.filter((o) => form.values.municipalities.includes(o.cbsCode));
  const inhabitants = chosen.reduce((sum, m) => sum + (m.inhabitants ?? 0), 0);

  const save = form.onSubmit(async (values) => {
    try {
      const updated = unwrap(
        await api.PATCH("/api/v1/region", { body: { version: region.version, ...values } }),
      );
      queryClient.setQueryData(["region"], updated);
      notify(t("settings.saved"));
    } catch (e) {
      if (e instanceof ApiProblem && e.status === 409) {
        notify(t("settings.conflict"), "red");
        await queryClient.invalidateQueries({ queryKey: ["region"] });
      } else notifyFormError(form, e);
    }
  });

  return (
    <Paper withBorder p="md">
      <form onSubmit={save} aria-label={t("settings.title")}>
        <Stack>
          <TextInput label={t("settings.name")} required {...form.getInputProps("name")} />
          <MultiSelect
            label={t("settings.municipalities")}
            description={t("settings.municipalitiesHelp")}
            data={options.map((o) => ({ value: o.cbsCode, label: `${o.name} (${o.cbsCode})` }))}
            searchable
            clearable
            nothingFoundMessage={t("nav.nothingFound")}
            {...form.getInputProps("municipalities")}
          />
          {chosen.length > 0 && (
            <Table striped>
              <Table.Caption>
                {t("settings.totalInhabitants", {
                  count: chosen.length,
                  total: formatNumber(inhabitants, lang),
                })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("settings.municipality")}</Table.Th>
                  <Table.Th>{t("settings.cbsCode")}</Table.Th>
                  <Table.Th ta="right">{t("settings.inhabitants")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {chosen.map((m) => (
                  <Table.Tr key={m.cbsCode}>
                    <Table.Td>{m.name}</Table.Td>
                    <Table.Td>{m.cbsCode}</Table.Td>
                    <Table.Td ta="right">{formatNumber(m.inhabitants ?? 0, lang)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Group>
            <Button type="submit" disabled={!form.isDirty()}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
