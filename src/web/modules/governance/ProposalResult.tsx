import { Group, List, Paper, Progress, Stack, Table, Text, Title } from "@mantine/core";
import { useT } from "../../i18n";
import { optionLabels, type Proposal, type ProposalDetail } from "./proposals-api";

type Tally = NonNullable<Proposal["result"]>;

/**
 * The fixed result of a closed vote: the outcome, why (quorum, majority, what counted), the
 * votes per option as bars with their numbers, and in an open ballot who voted what.
 */
export function ProposalResult({ detail, result: r }: { detail: ProposalDetail; result: Tally }) {
  const { t } = useT();
  const p = detail.proposal;
  const labels = optionLabels(p, t);
  const verdict = (ok: boolean) => (ok ? t("proposal.reached") : t("proposal.notReached"));
  const leading = r.majority.option === null ? "" : (labels[r.majority.option] ?? "");
  const outcome =
    r.outcome === "chosen"
      ? t("proposal.outcome.chosen", { option: leading })
      : t(`proposal.outcome.${r.outcome}`);
  const most = Math.max(1, ...r.counts);

  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h4">
          {t("proposal.result")}
        </Title>
        <Text size="xl" fw={700}>
          {outcome}
        </Text>
        <List size="sm" spacing={4}>
          <List.Item>
            {r.quorum.required === null
              ? t("proposal.explain.noQuorum", { participated: r.participated, electorate: r.electorate })
              : t("proposal.explain.quorum", {
                  participated: r.participated,
                  electorate: r.electorate,
                  required: r.quorum.required,
                  percent: r.quorum.percent ?? "",
                  verdict: verdict(r.quorum.reached),
                })}
          </List.Item>
          {r.quorum.reached && (
            <List.Item>
              {t("proposal.explain.majority", {
                rule: t(`proposal.majority.${r.majority.rule}`),
                option: leading,
                votes: r.majority.votes,
                cast: r.cast,
                required: r.majority.required,
                verdict: verdict(r.majority.reached),
              })}
            </List.Item>
          )}
          <List.Item>{t("proposal.explain.abstained", { abstained: r.abstained })}</List.Item>
          {r.byProxy > 0 && <List.Item>{t("proposal.explain.proxies", { byProxy: r.byProxy })}</List.Item>}
        </List>
        <Stack gap={6} role="list" aria-label={t("proposal.chart")}>
          {labels.map((label, i) => (
            <Group key={label} role="listitem" gap="sm" wrap="nowrap">
              <Text size="sm" w={140}>
                {t("proposal.optionVotes", { option: label, votes: r.counts[i] ?? 0 })}
              </Text>
              <Progress
                aria-hidden
                value={(100 * (r.counts[i] ?? 0)) / most}
                style={{ flex: 1 }}
                color={i === r.majority.option && r.majority.reached ? "green.9" : "gray.6"}
              />
            </Group>
          ))}
        </Stack>
        {detail.votes && (
          <>
            <Title order={3} size="h5">
              {t("proposal.votes")}
            </Title>
            <Table.ScrollContainer minWidth={480}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("proposal.voter")}</Table.Th>
                    <Table.Th>{t("proposal.choice")}</Table.Th>
                    <Table.Th>{t("proposal.castBy")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {detail.votes.map((v) => (
                    <Table.Tr key={v.unitName}>
                      <Table.Td>{v.unitName}</Table.Td>
                      <Table.Td>{v.choice === null ? "" : labels[v.choice]}</Table.Td>
                      <Table.Td>
                        {v.byProxy ? t("proposal.viaProxy", { name: v.castByName ?? "" }) : v.castByName}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
      </Stack>
    </Paper>
  );
}
