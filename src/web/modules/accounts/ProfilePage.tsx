import {
  Alert,
  Button,
  Code,
  Group,
  Paper,
  PasswordInput,
  SegmentedControl,
  Stack,
  Table,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap } from "../../api";
import { PageTitle } from "../../components/PageTitle";
import { formatDateTime, setLanguage, useT } from "../../i18n";
import { notifyFormError } from "../../notify";
import { CalendarFeedSection } from "../governance/CalendarFeedSection";
import { TotpSection } from "./TotpSection";

export function ProfilePage() {
  const { t, lang } = useT();
  const queryClient = useQueryClient();
  const [passwordDone, setPasswordDone] = useState(false);
  const [newToken, setNewToken] = useState<string | null>(null);
  const sessions = useQuery({
    queryKey: ["my-sessions"],
    queryFn: async () => unwrap(await api.GET("/api/v1/me/sessions")).items,
  });
  const tokens = useQuery({
    queryKey: ["my-tokens"],
    queryFn: async () => unwrap(await api.GET("/api/v1/me/tokens")).items,
  });

  const password = useForm({ initialValues: { currentPassword: "", newPassword: "" } });
  const submitPassword = password.onSubmit(async (body) => {
    try {
      unwrap(await api.POST("/api/v1/me/password", { body }));
      setPasswordDone(true);
      password.reset();
    } catch (e) {
      notifyFormError(password, e);
    }
  });
  const token = useForm({ initialValues: { name: "" } });
  const submitToken = token.onSubmit(async (body) => {
    const created = unwrap(await api.POST("/api/v1/me/tokens", { body }));
    setNewToken(created.token);
    token.reset();
    await queryClient.invalidateQueries({ queryKey: ["my-tokens"] });
  });

  async function changeLanguage(value: "nl" | "en") {
    setLanguage(value);
    unwrap(await api.PATCH("/api/v1/me", { body: { language: value } }));
  }

  return (
    <Stack>
      <PageTitle>{t("profile.title")}</PageTitle>
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="sm">
          {t("profile.language")}
        </Title>
        <SegmentedControl
          aria-label={t("profile.language")}
          value={lang}
          onChange={(v) => changeLanguage(v as "nl" | "en")}
          data={[
            { value: "nl", label: "Nederlands" },
            { value: "en", label: "English" },
          ]}
        />
      </Paper>
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="sm">
          {t("profile.changePassword")}
        </Title>
        {passwordDone && (
          <Alert role="status" mb="sm">
            {t("profile.passwordChanged")}
          </Alert>
        )}
        <form onSubmit={submitPassword} noValidate>
          <Group align="flex-end" wrap="wrap">
            <PasswordInput
              label={t("password.current")}
              autoComplete="current-password"
              {...password.getInputProps("currentPassword")}
            />
            <PasswordInput
              label={t("password.new")}
              description={t("password.hint")}
              autoComplete="new-password"
              {...password.getInputProps("newPassword")}
            />
            <Button type="submit">{t("common.save")}</Button>
          </Group>
        </form>
      </Paper>
      <TotpSection />
      <CalendarFeedSection />
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="sm">
          {t("profile.sessions")}
        </Title>
        <Table.ScrollContainer minWidth={500}>
          <Table>
            <Table.Tbody>
              {sessions.data?.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{s.userAgent?.slice(0, 60) ?? "—"}</Table.Td>
                  <Table.Td>{s.ip}</Table.Td>
                  <Table.Td>{formatDateTime(s.lastSeenAt, lang)}</Table.Td>
                  <Table.Td>
                    {s.current ? (
                      t("profile.thisSession")
                    ) : (
                      <Button
                        size="xs"
                        variant="default"
                        onClick={async () => {
                          unwrap(
                            await api.DELETE("/api/v1/me/sessions/{id}", { params: { path: { id: s.id } } }),
                          );
                          await sessions.refetch();
                        }}
                      >
                        {t("profile.end")}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="sm">
          {t("profile.tokens")}
        </Title>
        {newToken && (
          <Alert role="status" mb="sm">
            {t("profile.tokenShownOnce")} <Code>{newToken}</Code>
          </Alert>
        )}
        <form onSubmit={submitToken} noValidate>
          <Group align="flex-end">
            <TextInput label={t("profile.tokenName")} required {...token.getInputProps("name")} />
            <Button type="submit">{t("profile.createToken")}</Button>
          </Group>
        </form>
        <Table mt="sm">
          <Table.Tbody>
            {tokens.data?.map((tk) => (
              <Table.Tr key={tk.id}>
                <Table.Td>{tk.name}</Table.Td>
                <Table.Td>
                  <Code>{tk.prefix}…</Code>
                </Table.Td>
                <Table.Td>{formatDateTime(tk.createdAt, lang)}</Table.Td>
                <Table.Td>
                  {tk.revokedAt ? (
                    t("profile.revoked")
                  ) : (
                    <Button
                      size="xs"
                      variant="default"
                      onClick={async () => {
                        unwrap(
                          await api.DELETE("/api/v1/me/tokens/{id}", { params: { path: { id: tk.id } } }),
                        );
                        await tokens.refetch();
                      }}
                    >
                      {t("profile.revoke")}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}
