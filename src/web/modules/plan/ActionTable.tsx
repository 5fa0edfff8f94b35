import {
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import { ACTION_STATUSES, type ActionStatus } from "../../../shared/plan";
import { api, fileBody, unwrap } from "../../api";
import { formatDate, formatDateTime, useT } from "../../i18n";
import { useSession } from "../../session";
import { useChange } from "../../use-change";
import { ActionForm } from "./ActionForm";
import { type Action, actionColor } from "./actions-api";

/** An action's comments, oldest first, and a box to add one. */
function Comments({ action }: { action: Action }) {
  const { t, lang } = useT();
  const [body, setBody] = useState("");
  const key = ["actions", action.id, "comments"];
  const comments = useQuery({
    queryKey: key,
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/actions/{id}/comments", { params: { path: { id: action.id } } })).items,
  });
  const change = useChange(key, ["actions"]);
  const post = async () => {
    if (!body.trim()) return;
    const ok = await change.run(
      async () =>
        unwrap(
          await api.POST("/api/v1/actions/{id}/comments", {
            params: { path: { id: action.id } },
            body: { body: body.trim() },
          }),
        ),
      t("action.commented"),
    );
    if (ok) setBody("");
  };
  return (
    <Stack gap="xs" component="section" aria-label={t("action.commentsOf", { title: action.title })}>
      {(comments.data ?? []).length === 0 && (
        <Text size="sm" c="gray.7">
          {t("action.noComments")}
        </Text>
      )}
      {(comments.data ?? []).map((c) => (
        <Text key={c.id} size="sm">
          <Text span fw={600}>
            {c.authorName}
          </Text>{" "}
          <Text span c="gray.7" size="xs">
            {formatDateTime(c.createdAt, lang)}
          </Text>
          <br />
          {c.body}
        </Text>
      ))}
      <Group align="flex-end" wrap="wrap">
        <Textarea
          label={t("action.comment")}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          autosize
          minRows={1}
          style={{ flex: 1, minWidth: 220 }}
        />
        <Button variant="default" onClick={post} loading={change.busy}>
          {t("action.postComment")}
        </Button>
      </Group>
    </Stack>
  );
}

/** An action's attachments, each downloadable, and a file to add. */
function Attachments({ action }: { action: Action }) {
  const { t } = useT();
  const [file, setFile] = useState<File | null>(null);
  const key = ["actions", action.id, "attachments"];
  const attachments = useQuery({
    queryKey: key,
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/actions/{id}/attachments", { params: { path: { id: action.id } } }))
        .items,
  });
  const change = useChange(key);
  const add = async () => {
    if (!file) return;
    const ok = await change.run(
      async () =>
        unwrap(
          await api.POST("/api/v1/actions/{id}/attachments", {
            params: { path: { id: action.id } },
            ...fileBody(file),
          }),
        ),
      t("action.attached", { name: file.name }),
    );
    if (ok) setFile(null);
  };
  return (
    <Stack gap="xs" component="section" aria-label={t("action.attachmentsOf", { title: action.title })}>
      {(attachments.data ?? []).map((f) => (
        <Anchor key={f.id} href={`/api/v1/actions/${action.id}/attachments/${f.id}`} size="sm">
          {f.name}
        </Anchor>
      ))}
      <Group align="flex-end" wrap="wrap">
        <FileInput label={t("action.attachment")} value={file} onChange={setFile} clearable w={280} />
        <Button variant="default" onClick={add} disabled={!file} loading={change.busy}>
          {t("action.attach")}
        </Button>
      </Group>
    </Stack>
  );
}

/** Loads an action with what it waits for before its form opens, so the form keeps those links. */
function EditAction({
  action,
  siblings,
  onDone,
}: {
  action: Action;
  siblings: Action[];
  onDone: () => void;
}) {
  const detail = useQuery({
    queryKey: ["actions", action.id],
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/actions/{id}", { params: { path: { id: action.id } } })),
  });
  if (!detail.data) return null;
  return <ActionForm action={detail.data} siblings={siblings} onDone={onDone} />;
}

/**
 * Actions as a table: what, who, by when, how far. Whoever may (the bureau, the project's leader,
 * the person who carries it out) changes the status in place; the bureau and the leader open the
 * whole action. Each action unfolds its comments.
 */
export function ActionTable({ rows, showPriority = true }: { rows: Action[]; showPriority?: boolean }) {
  const { t, lang } = useT();
  const session = useSession();
  const [open, setOpen] = useState<{ id: string; what: "comments" | "edit" } | null>(null);
  const change = useChange(["actions"], ["prioritisation"]);
  const bureau = Boolean(session?.permissions["prioritisation.create"]);
  const setStatus = (a: Action, status: ActionStatus) =>
    change.run(
      async () =>
        unwrap(
          await api.PATCH("/api/v1/actions/{id}", {
            params: { path: { id: a.id } },
            body: { version: a.version, status },
          }),
        ),
      t("action.statusChanged", { title: a.title, status: t(`action.status.${status}`) }),
    );
  const toggle = (id: string, what: "comments" | "edit") =>
    setOpen(open?.id === id && open.what === what ? null : { id, what });
  const columns = showPriority ? 6 : 5;

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("action.title")}</Table.Th>
            {showPriority && <Table.Th>{t("action.for")}</Table.Th>}
            <Table.Th>{t("action.owner")}</Table.Th>
            <Table.Th>{t("action.dueDate")}</Table.Th>
            <Table.Th>{t("action.status")}</Table.Th>
            <Table.Th>{t("action.more")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((a) => (
            <Fragment key={a.id}>
              <Table.Tr>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {a.title}
                  </Text>
                  {a.waitingFor > 0 && (
                    <Badge color="#8a3b00" variant="outline" size="sm">
                      {t("action.waitingFor", { count: a.waitingFor })}
                    </Badge>
                  )}
                  {a.wijk && (
                    <Text size="xs" c="gray.7">
                      {a.wijk.name}
                    </Text>
                  )}
                </Table.Td>
                {showPriority && <Table.Td>{a.priority?.name ?? a.project?.name ?? "—"}</Table.Td>}
                <Table.Td>
                  {[a.ownerPerson?.name, a.ownerOrganisation?.name].filter(Boolean).join(", ")}
                </Table.Td>
                <Table.Td>
                  {formatDate(a.dueDate, lang)}
                  {a.overdue && (
                    <Badge color="red.9" variant="outline" size="sm" ml={4}>
                      {t("action.overdue")}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {bureau || a.mine || a.leading ? (
                    <Select
                      aria-label={t("action.statusOf", { title: a.title })}
                      size="xs"
                      w={130}
                      value={a.status}
                      allowDeselect={false}
                      disabled={change.busy}
                      onChange={(v) => v && v !== a.status && setStatus(a, v as ActionStatus)}
                      data={ACTION_STATUSES.map((s) => ({ value: s, label: t(`action.status.${s}`) }))}
                    />
                  ) : (
                    <Badge color={actionColor[a.status]} variant="outline">
                      {t(`action.status.${a.status}`)}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      aria-expanded={open?.id === a.id && open.what === "comments"}
                      aria-label={t("action.commentsOf", { title: a.title })}
                      onClick={() => toggle(a.id, "comments")}
                    >
                      {t("action.comments", { count: a.commentCount })}
                    </Button>
                    {(bureau || a.leading) && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        aria-label={t("action.editNamed", { title: a.title })}
                        onClick={() => toggle(a.id, "edit")}
                      >
                        {t("common.edit")}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
              {open?.id === a.id && (
                <Table.Tr>
                  <Table.Td colSpan={columns}>
                    {open.what === "comments" ? (
                      <SimpleGrid cols={{ base: 1, md: 2 }}>
                        <Comments action={a} />
                        <Attachments action={a} />
                      </SimpleGrid>
                    ) : (
                      <EditAction action={a} siblings={rows} onDone={() => setOpen(null)} />
                    )}
                  </Table.Td>
                </Table.Tr>
              )}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
