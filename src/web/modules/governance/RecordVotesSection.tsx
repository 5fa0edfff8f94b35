import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { api, unwrap } from "../../api";
import { useT } from "../../i18n";
import { optionLabels, type Proposal, useProposalChange, useVoters } from "./proposals-api";

/**
 * The bureau records the votes cast in the meeting. Open ballot: per voter the choice (empty: did
 * not vote). Secret ballot: who handed in a ballot paper, and the totals per option, which must
 * add up; no choice is tied to a voter.
 */
export function RecordVotesSection({ proposal: p }: { proposal: Proposal }) {
  const { t } = useT();
  const change = useProposalChange(p.id);
  const labels = optionLabels(p, t);
  const [choices, setChoices] = useState<Record<string, string | null>>({});
  const [handedIn, setHandedIn] = useState<string[]>([]);
  const [counts, setCounts] = useState<(number | string)[]>(labels.map(() => 0));
  const voters = useVoters(p.id);
  const open = (voters.data ?? []).filter((v) => !v.voted);
  const secret = p.ballot === "secret";
  const votes = Object.entries(choices)
    .filter(([, c]) => c !== null)
    .map(([unitId, c]) => ({ unitId, choice: Number(c) }));
  const save = async () => {
    const ok = await change.run(
      async () =>
        unwrap(
          await api.POST("/api/v1/proposals/{id}/meeting-votes", {
            params: { path: { id: p.id } },
            body: secret
              ? { secret: { unitIds: handedIn, counts: counts.map((n) => Number(n || 0)) } }
              : { votes },
          }),
        ),
      t("proposal.recorded", { count: secret ? handedIn.length : votes.length }),
    );
    if (ok) {
      setChoices({});
      setHandedIn([]);
      setCounts(labels.map(() => 0));
    }
  };

  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h4">
          {t("proposal.record")}
        </Title>
        <Text size="sm">{secret ? t("proposal.recordSecretHelp") : t("proposal.recordHelp")}</Text>
        <Table.ScrollContainer minWidth={480}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("proposal.voter")}</Table.Th>
                <Table.Th>{secret ? t("proposal.handedIn") : t("proposal.choice")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {open.map((v) => (
                <Table.Tr key={v.unitId}>
                  <Table.Td>
                    {v.unitName}
                    {v.proxyHolderName && (
                      <Text span size="sm" c="gray.7">
                        {" "}
                        ({t("proposal.viaProxy", { name: v.proxyHolderName })})
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {secret ? (
                      <Checkbox
                        aria-label={`${t("proposal.handedIn")}: ${v.unitName}`}
                        checked={handedIn.includes(v.unitId)}
                        onChange={(e) =>
                          setHandedIn((all) =>
                            e.currentTarget.checked ? [...all, v.unitId] : all.filter((u) => u !== v.unitId),
                          )
                        }
                      />
                    ) : (
                      <Select
                        aria-label={`${t("proposal.choice")}: ${v.unitName}`}
                        clearable
                        value={choices[v.unitId] ?? null}
                        onChange={(c) => setChoices((all) => ({ ...all, [v.unitId]: c }))}
                        data={labels.map((label, i) => ({ value: String(i), label }))}
                      />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {secret && (
          <SimpleGrid cols={{ base: 1, sm: labels.length }}>
            {labels.map((label, i) => (
              <NumberInput
                key={label}
                label={t("proposal.countFor", { option: label })}
                min={0}
                value={counts[i]}
                onChange={(n) => setCounts((all) => all.map((c, j) => (j === i ? n : c)))}
              />
            ))}
          </SimpleGrid>
        )}
        <Group>
          <Button
            loading={change.busy}
            disabled={secret ? handedIn.length === 0 : votes.length === 0}
            onClick={save}
          >
            {t("proposal.recordSave")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
