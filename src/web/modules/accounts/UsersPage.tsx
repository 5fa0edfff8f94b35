import { Button, Group, Paper, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDebouncedValue } from "@mantine/hooks";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ROLES, type Role } from "../../../shared/roles";
import { api, unwrap } from "../../api";
import { MoreButton, usePagedList } from "../../components/PagedList";
import { PageTitle } from "../../components/PageTitle";
import { formatDateTime, useT } from "../../i18n";
import type { MessageKey } from "../../i18n/nl";
import { notify, notifyError, notifyFormError } from "../../notify";
import { usersRoute } from "../../router";

const STATUSES = ["invited", "active", "deactivated"] as const;

export function UsersPage() {
  const { t, lang } = useT();
  const queryClient = useQueryClient();
  const [q, setQ] = useState(usersRoute.useSearch().q ?? "");
  const [role, setRole] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [search] = useDebouncedValue(q, 250);
  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }));

  const fetchPage = async (cursor?: string) =>
    unwrap(
      await api.GET("/api/v1/users", {
        params: {
          query: {
            q: search || undefined,
            role: (role as Role) ?? undefined,
            status: (status as "active") ?? undefined,
            cursor,
            limit: 50,
          },
        },
      }),
    );
  const { list: users, rows, firstPage } = usePagedList(["users", search, role, status], fetchPage);

  const invite = useForm({ initialValues: { email: "", name: "", role: "lid" as Role } });
  const submitInvite = invite.onSubmit(async (body) => {
    try {
      unwrap(await api.POST("/api/v1/users", { body }));
      notify(t("users.invited", { email: body.email }));
      invite.reset();
      await queryClient.invalidateQueries({ queryKey: ["users"] });
    } catch (e) {
      notifyFormError(invite, e);
    }
  });

  async function update(
    id: string,
    version: number,
    patch: { role?: Role; status?: "active" | "deactivated" },
  ) {
    try {
      unwrap(
        await api.PATCH("/api/v1/users/{id}", { params: { path: { id } }, body: { version, ...patch } }),
      );
      notify(t("users.saved"));
    } catch (e) {
      notifyError(e);
    }
    await queryClient.invalidateQueries({ queryKey: ["users"] });
  }

  return (
    <Stack>
      <PageTitle>{t("users.title")}</PageTitle>
      <Paper withBorder p="md">
        <form onSubmit={submitInvite} noValidate aria-label={t("users.invite")}>
          <Group align="flex-end" wrap="wrap">
            <TextInput label={t("users.name")} required {...invite.getInputProps("name")} />
            <TextInput label={t("users.email")} type="email" required {...invite.getInputProps("email")} />
            <Select
              label={t("users.role")}
              data={roleOptions}
              allowDeselect={false}
              {...invite.getInputProps("role")}
            />
            <Button type="submit">{t("users.inviteSubmit")}</Button>
          </Group>
        </form>
      </Paper>
      <Group wrap="wrap">
        <TextInput label={t("users.search")} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
        <Select
          label={t("users.role")}
          placeholder={t("users.allRoles")}
          data={roleOptions}
          value={role}
          onChange={setRole}
          clearable
        />
        <Select
          label={t("users.status")}
          placeholder={t("users.allStatuses")}
          data={STATUSES.map((s) => ({ value: s, label: t(`status.${s}` as MessageKey) }))}
          value={status}
          onChange={setStatus}
          clearable
        />
      </Group>
      <Text size="sm" aria-live="polite">
        {t("users.count", { count: firstPage?.total ?? 0 })}
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("users.name")}</Table.Th>
              <Table.Th>{t("users.email")}</Table.Th>
              <Table.Th>{t("users.role")}</Table.Th>
              <Table.Th>{t("users.status")}</Table.Th>
              <Table.Th>{t("users.lastLogin")}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>{u.name}</Table.Td>
                <Table.Td>{u.email}</Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t("users.changeRole", { name: u.name })}
                    data={roleOptions}
                    value={u.role}
                    allowDeselect={false}
                    size="xs"
                    onChange={(r) => r && r !== u.role && update(u.id, u.version, { role: r as Role })}
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={u.status === "active" ? 400 : 700}>
                    {t(`status.${u.status}` as MessageKey)}
                  </Text>
                </Table.Td>
                <Table.Td>{formatDateTime(u.lastLoginAt, lang)}</Table.Td>
                <Table.Td>
                  {u.status !== "invited" && (
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() =>
                        update(u.id, u.version, { status: u.status === "active" ? "deactivated" : "active" })
                      }
                    >
                      {u.status === "active" ? t("users.deactivate") : t("users.activate")}{" "}
                      <span className="visually-hidden">{u.name}</span>
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <MoreButton list={users} />
    </Stack>
  );
}
