import {
  Anchor,
  Button,
  Card,
  FileInput,
  Group,
  Image,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { today } from "../../../shared/dates";
import { api, fileBody, unwrap } from "../../api";
import { FormActions } from "../../components/FormActions";
import { ListToolbar } from "../../components/ListToolbar";
import { loadedCount, MoreButton, usePagedList } from "../../components/PagedList";
import { PageTitle } from "../../components/PageTitle";
import { formatDate, useT } from "../../i18n";
import { notify, notifyFormError } from "../../notify";
import { useSearch } from "../../use-search";
import { fetchProjects } from "./projects-api";

const fetchSuccesses = async (query: { q?: string; cursor?: string; limit?: number }) =>
  unwrap(await api.GET("/api/v1/successes", { params: { query } }));
export type Success = Awaited<ReturnType<typeof fetchSuccesses>>["items"][number];

/** Share a success: what worked, when, from which project, and a photo. */
function SuccessForm({ onDone }: { onDone: () => void }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const projects = useQuery({
    queryKey: ["projects", "options", false],
    queryFn: () => fetchProjects({ limit: 200 }),
  });
  const [photo, setPhoto] = useState<File | null>(null);
  const form = useForm({
    initialValues: { title: "", story: "", projectId: null as string | null, happenedOn: today() },
    validate: {
      title: (v) => (v.trim() ? null : t("field.required")),
      story: (v) => (v.trim() ? null : t("field.required")),
      happenedOn: (v) => (v ? null : t("field.required")),
    },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      const made = unwrap(
        await api.POST("/api/v1/successes", {
          body: {
            title: values.title.trim(),
            story: values.story.trim(),
            projectId: values.projectId,
            happenedOn: values.happenedOn,
          },
        }),
      );
      if (photo)
        unwrap(
          await api.PUT("/api/v1/successes/{id}/photo", {
            params: { path: { id: made.id } },
            ...fileBody(photo),
          }),
        );
      notify(t("success.posted"), "green");
      await queryClient.invalidateQueries({ queryKey: ["successes"] });
      onDone();
    } catch (e) {
      notifyFormError(form, e);
    }
  });
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} aria-label={t("success.new")} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t("success.title")} required {...form.getInputProps("title")} />
            <Select
              label={t("success.project")}
              data={(projects.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
              searchable
              clearable
              {...form.getInputProps("projectId")}
            />
            <TextInput
              type="date"
              label={t("success.happenedOn")}
              required
              {...form.getInputProps("happenedOn")}
            />
            <FileInput
              label={t("success.photo")}
              description={t("success.photoHelp")}
              accept="image/png,image/jpeg,image/webp"
              value={photo}
              onChange={setPhoto}
              clearable
            />
          </SimpleGrid>
          <Textarea
            label={t("success.story")}
            required
            autosize
            minRows={3}
            {...form.getInputProps("story")}
          />
          <FormActions submit={t("success.post")} loading={form.submitting} onCancel={onDone} />
        </Stack>
      </form>
    </Paper>
  );
}

/** One success as a card: photo, title, when and from which project, and the story. */
export function SuccessCard({ success }: { success: Success }) {
  const { t, lang } = useT();
  return (
    <Card withBorder component="article" aria-labelledby={`success-${success.id}`}>
      {success.hasPhoto && (
        <Card.Section>
          <Image src={`/api/v1/successes/${success.id}/photo`} alt={success.title} h={160} fit="cover" />
        </Card.Section>
      )}
      <Title order={3} size="h5" mt="sm" id={`success-${success.id}`}>
        {success.title}
      </Title>
      <Text size="xs" c="gray.7">
        {formatDate(success.happenedOn, lang)}
        {success.project ? ` · ${success.project.name}` : ""} ·{" "}
        {t("success.by", { name: success.authorName })}
      </Text>
      <Text size="sm" mt="xs" style={{ whiteSpace: "pre-line" }}>
        {success.story}
      </Text>
    </Card>
  );
}

/**
 * The successes wall: what worked, newest first, with photos. Everyone shares successes; the
 * newsletter export puts those of a period on one page with their photos.
 */
export function SuccessesPage() {
  const { t } = useT();
  const [query, searchBox] = useSearch();
  const [sharing, setSharing] = useState(false);
  const filter = query ? { q: query } : {};
  const { list, rows } = usePagedList(["successes", filter], (cursor) =>
    fetchSuccesses({ ...filter, cursor, limit: 24 }),
  );
  return (
    <Stack>
      <PageTitle>{t("success.listTitle")}</PageTitle>
      <Text c="gray.7" size="sm">
        {t("success.intro")}
      </Text>
      {sharing ? (
        <SuccessForm onDone={() => setSharing(false)} />
      ) : (
        <Group>
          <Button onClick={() => setSharing(true)}>{t("success.new")}</Button>
        </Group>
      )}
      <TextInput label={t("success.search")} type="search" {...searchBox} maw={360} />
      <ListToolbar count={t("success.count", { count: loadedCount(list, rows) })}>
        <Anchor href="/api/v1/successes/newsletter" size="sm">
          {t("success.newsletter")}
        </Anchor>
      </ListToolbar>
      {rows.length === 0 ? (
        <Text c="gray.7">{t("success.none")}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {rows.map((s) => (
            <SuccessCard key={s.id} success={s} />
          ))}
        </SimpleGrid>
      )}
      <MoreButton list={list} />
    </Stack>
  );
}
