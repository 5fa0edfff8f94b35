import { Anchor, Badge, Button, Group, List, Paper, Progress, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { useState } from "react";
import { Markdown } from "../../components/Markdown";
import { PageTitle } from "../../components/PageTitle";
import { formatDate, useT } from "../../i18n";
import { useSession } from "../../session";
import { ConsultationComments } from "./ConsultationComments";
import { ConsultationForm } from "./ConsultationForm";
import { ConsultationResults } from "./ConsultationResults";
import { NextStep, StatusSteps } from "./ConsultationSteps";
import { consultationColor, consultationKey, fetchConsultation } from "./consultations-api";
import { OwnResponse, RecordResponse } from "./ResponseForm";

/**
 * One adviesnotitie: where it is, the notitie and its questions; while it is in consultation the
 * member's own response (and for the bureau responses by mail); the results per discipline and
 * per WSV with the comments and how each was handled; and the bureau's next step.
 */
export function ConsultationPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const { t, lang } = useT();
  const session = useSession();
  const [editing, setEditing] = useState(false);
  const query = useQuery({ queryKey: consultationKey(id), queryFn: () => fetchConsultation(id) });
  if (query.isError) return <Text role="alert">{t("consultation.notFound")}</Text>;
  if (!query.data) return <Text>{t("common.loading")}</Text>;
  const detail = query.data;
  const c = detail.consultation;
  const may = (action: string) => Boolean(session?.permissions[`consultation.${action}`]);
  const response = t("consultation.responded", { responded: c.responded, invited: c.invited });

  return (
    <Stack>
      <PageTitle>{c.title}</PageTitle>
      <Group gap="xs" wrap="wrap">
        <Anchor renderRoot={(props) => <Link {...props} to="/organen/$id" params={{ id: c.bodyId }} />}>
          {c.bodyName}
        </Anchor>
        {c.policyArea && <Text size="sm">· {c.policyArea}</Text>}
        <Badge color={consultationColor[c.status]} variant="outline">
          {t(`consultation.status.${c.status}`)}
        </Badge>
      </Group>
      <StatusSteps status={c.status} />

      {editing ? (
        <ConsultationForm consultation={c} onDone={() => setEditing(false)} />
      ) : (
        <>
          <Paper withBorder p="md">
            <List size="sm" spacing={4}>
              <List.Item>
                {t("consultation.audience")}: {t(`consultation.audience.${c.audience}`)}
                {c.audienceOrganisationIds?.length
                  ? ` (${t("consultation.onlyCount", { count: c.audienceOrganisationIds.length })})`
                  : ""}
              </List.Item>
              <List.Item>
                {t("consultation.deadline")}: {formatDate(c.deadline, lang)}
              </List.Item>
              <List.Item>
                {t("consultation.decidingBody")}: {c.decidingBodyName ?? "—"}
              </List.Item>
              {c.status === "decided" && c.outcome && (
                <List.Item>
                  {t("consultation.outcome")}: {t(`consultation.outcome.${c.outcome}`)}
                  {c.decisionNumber ? ` (${c.decisionNumber})` : ""}
                </List.Item>
              )}
            </List>
          </Paper>
          {c.text && <Markdown>{c.text}</Markdown>}
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="xs">
              {t("consultation.questions")}
            </Title>
            <List type="ordered" size="sm" spacing={4}>
              {c.questions.map((q) => (
                <List.Item key={q}>{q}</List.Item>
              ))}
            </List>
          </Paper>
          {c.status === "draft" && may("update") && (
            <Group>
              <Button variant="default" onClick={() => setEditing(true)}>
                {t("consultation.edit")}
              </Button>
            </Group>
          )}
        </>
      )}

      {c.status !== "draft" && (
        <Stack gap={4}>
          <Text>{response}</Text>
          <Progress.Root>
            <Progress.Section value={c.invited ? (100 * c.responded) / c.invited : 0} aria-label={response} />
          </Progress.Root>
        </Stack>
      )}
      {detail.canRespond && <OwnResponse detail={detail} />}
      {detail.invited && !detail.canRespond && detail.respondedAt && (
        <Text size="sm">{t("consultation.thanks")}</Text>
      )}
      {c.status === "consultation" && detail.open && may("process") && <RecordResponse detail={detail} />}
      {may("advance") && <NextStep detail={detail} />}
      {detail.resultsVisible ? (
        <>
          <ConsultationResults consultation={c} />
          <ConsultationComments consultation={c} />
        </>
      ) : (
        c.status === "consultation" && (
          <Text size="sm" c="gray.7">
            {t("consultation.resultsLater")}
          </Text>
        )
      )}
    </Stack>
  );
}
