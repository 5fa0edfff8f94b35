import { Anchor, Badge, Button, Group, List, Paper, Progress, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { api, unwrap } from "../../api";
import { Markdown } from "../../components/Markdown";
import { PageTitle } from "../../components/PageTitle";
import { formatDateTime, useT } from "../../i18n";
import { useSession } from "../../session";
import { BallotSection } from "./BallotSection";
import { ProposalResult } from "./ProposalResult";
import { fetchProposal, type Proposal, proposalKey, statusColor, useProposalChange } from "./proposals-api";
import { RecordVotesSection } from "./RecordVotesSection";

function Rules({ p }: { p: Proposal }) {
  const { t, lang } = useT();
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {t("proposal.rules")}
      </Title>
      <List size="sm" spacing={4}>
        <List.Item>{t(`proposal.kind.${p.kind}`)}</List.Item>
        <List.Item>{t(`proposal.majority.${p.majority}`)}</List.Item>
        <List.Item>
          {t("proposal.quorum")}: {p.quorumPercent === null ? "—" : `${p.quorumPercent} %`}
        </List.Item>
        <List.Item>{t(`proposal.weighting.${p.weighting}`)}</List.Item>
        <List.Item>
          {t("proposal.maxProxies")}: {p.maxProxies}
        </List.Item>
        <List.Item>{t(`proposal.ballot.${p.ballot}`)}</List.Item>
        <List.Item>
          {p.mode === "online" && p.closesAt
            ? t("proposal.window", { date: formatDateTime(p.closesAt, lang) })
            : t(`proposal.mode.${p.mode}`)}
        </List.Item>
      </List>
    </Paper>
  );
}

/**
 * One proposal: its rules and text; while the vote runs, how many have voted (never an interim
 * result), the user's own vote(s) and proxies, and for the bureau the votes cast in the meeting;
 * once closed, the result with its explanation.
 */
export function ProposalPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const { t } = useT();
  const session = useSession();
  const change = useProposalChange(id);
  const query = useQuery({ queryKey: proposalKey(id), queryFn: () => fetchProposal(id) });
  if (query.isError) return <Text role="alert">{t("proposal.notFound")}</Text>;
  if (!query.data) return <Text>{t("common.loading")}</Text>;
  const detail = query.data;
  const p = detail.proposal;
  const may = (action: string) =>
    Boolean(session?.permissions[action === "decide" ? "decision.create" : `proposal.${action}`]);
  const version = { version: p.version };
  const participation = t("proposal.participation", {
    participated: detail.participated,
    electorate: detail.electorate,
  });

  return (
    <Stack>
      <PageTitle>{p.title}</PageTitle>
      <Group gap="xs">
        <Anchor renderRoot={(props) => <Link {...props} to="/organen/$id" params={{ id: p.bodyId }} />}>
          {p.bodyName}
        </Anchor>
        <Badge color={statusColor[p.status]} variant="outline">
          {t(`proposal.status.${p.status}`)}
        </Badge>
        {p.meetingId && (
          <Anchor
            renderRoot={(props) => <Link {...props} to="/vergaderingen/$id" params={{ id: p.meetingId! }} />}
          >
            {t("proposal.meeting")}
          </Anchor>
        )}
      </Group>
      {p.text && <Markdown>{p.text}</Markdown>}
      <Rules p={p} />

      {p.status === "draft" && may("open") && (
        <Stack gap="xs">
          <Text size="sm">{t("proposal.openHelp")}</Text>
          <Group>
            <Button
              loading={change.busy}
              onClick={() =>
                change.run(
                  async () =>
                    unwrap(
                      await api.POST("/api/v1/proposals/{id}/open", {
                        params: { path: { id } },
                        body: version,
                      }),
                    ),
                  t("proposal.opened"),
                )
              }
            >
              {t("proposal.open")}
            </Button>
          </Group>
        </Stack>
      )}

      {p.status === "open" && (
        <>
          <Stack gap={4}>
            <Text>{participation}</Text>
            <Progress.Root>
              <Progress.Section
                value={detail.electorate ? (100 * detail.participated) / detail.electorate : 0}
                aria-label={participation}
              />
            </Progress.Root>
            <Text size="sm" c="gray.7">
              {t("proposal.noInterim")}
            </Text>
          </Stack>
          <BallotSection detail={detail} />
          {p.mode === "meeting" && may("record") && <RecordVotesSection proposal={p} />}
          {may("close") && (
            <Group>
              <Button
                color="dark"
                loading={change.busy}
                onClick={() =>
                  change.run(
                    async () =>
                      unwrap(
                        await api.POST("/api/v1/proposals/{id}/close", {
                          params: { path: { id } },
                          body: version,
                        }),
                      ),
                    t("proposal.closed"),
                  )
                }
              >
                {t("proposal.close")}
              </Button>
            </Group>
          )}
        </>
      )}

      {p.status === "closed" && p.result && <ProposalResult detail={detail} result={p.result} />}
      {p.status === "closed" && p.meetingId && (
        <Group gap="xs">
          {p.decisionId ? (
            <Anchor
              renderRoot={(props) => (
                <Link {...props} to="/vergaderingen/$id" params={{ id: p.meetingId! }} />
              )}
            >
              {t("proposal.decisionRecorded")}
            </Anchor>
          ) : (
            may("decide") && (
              <Button
                variant="default"
                loading={change.busy}
                onClick={() =>
                  change.run(
                    async () =>
                      unwrap(
                        await api.POST("/api/v1/proposals/{id}/decision", {
                          params: { path: { id } },
                          body: version,
                        }),
                      ),
                    t("proposal.decisionSaved"),
                  )
                }
              >
                {t("proposal.recordDecision")}
              </Button>
            )
          )}
        </Group>
      )}
    </Stack>
  );
}
