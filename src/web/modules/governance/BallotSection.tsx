import { Button, Group, List, Paper, Radio, Select, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { api, unwrap } from "../../api";
import { useT } from "../../i18n";
import { useSession } from "../../session";
import { PersonSelect } from "../network/PersonSelect";
import { optionLabels, type ProposalDetail, useProposalChange, useVoters } from "./proposals-api";

type MyVote = ProposalDetail["myVotes"][number];

/** One vote the user may cast (their own, or one held by proxy): choose an option and cast it. */
function CastVote({ detail, vote }: { detail: ProposalDetail; vote: MyVote }) {
  const { t } = useT();
  const p = detail.proposal;
  const change = useProposalChange(p.id);
  const [choice, setChoice] = useState<string | null>(null);
  const labels = optionLabels(p, t);
  const name = vote.own ? t("proposal.ownVote") : t("proposal.proxyVote", { name: vote.unitName });
  if (vote.proxyHolderName) return <Text>{t("proposal.givenTo", { name: vote.proxyHolderName })}</Text>;
  if (vote.voted)
    return (
      <Text>
        {name}:{" "}
        {vote.choice === null
          ? t("proposal.voted")
          : t("proposal.votedChoice", { choice: labels[vote.choice] ?? "" })}
      </Text>
    );
  if (p.mode !== "online") return <Text>{name}</Text>;
  return (
    <Stack gap="xs">
      <Radio.Group value={choice} onChange={setChoice}>
        <Group role="radiogroup" aria-label={name}>
          <Text fw={500}>{name}</Text>
          {labels.map((label, i) => (
            <Radio key={label} value={String(i)} label={label} />
          ))}
        </Group>
      </Radio.Group>
      <Group>
        <Button
          disabled={choice === null}
          loading={change.busy}
          onClick={() =>
            change.run(
              async () =>
                unwrap(
                  await api.POST("/api/v1/proposals/{id}/votes", {
                    params: { path: { id: p.id } },
                    body: { choice: Number(choice), ...(vote.own ? {} : { unitId: vote.unitId }) },
                  }),
                ),
              t("proposal.voteSaved"),
            )
          }
        >
          {t("proposal.cast")}
          {vote.own ? "" : ` (${vote.unitName})`}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * Give a proxy: a voter for their own vote, the bureau for any vote (a written volmacht it
 * received). The server checks the statuten's limits.
 */
function GrantProxy({ detail, forOthers }: { detail: ProposalDetail; forOthers: boolean }) {
  const { t } = useT();
  const p = detail.proposal;
  const change = useProposalChange(p.id);
  const [holder, setHolder] = useState<string | null>(null);
  const [unitId, setUnitId] = useState<string | null>(null);
  const voters = useVoters(p.id, forOthers);
  return (
    <Group align="flex-end" wrap="wrap">
      {forOthers && (
        <Select
          label={t("proposal.proxyFor")}
          searchable
          value={unitId}
          onChange={setUnitId}
          data={(voters.data ?? [])
            .filter((v) => !v.voted)
            .map((v) => ({ value: v.unitId, label: v.unitName }))}
        />
      )}
      <PersonSelect
        label={t("proposal.proxyHolder")}
        description={t("proposal.proxyHelp")}
        value={holder}
        onChange={setHolder}
      />
      <Button
        variant="default"
        disabled={!holder || (forOthers && !unitId)}
        loading={change.busy}
        onClick={async () => {
          const ok = await change.run(
            async () =>
              unwrap(
                await api.POST("/api/v1/proposals/{id}/proxies", {
                  params: { path: { id: p.id } },
                  body: { holderPersonId: holder!, ...(forOthers && unitId ? { unitId } : {}) },
                }),
              ),
            t("proposal.proxyGranted"),
          );
          if (ok) setHolder(null);
        }}
      >
        {t("proposal.proxyGrant")}
      </Button>
    </Group>
  );
}

/** The user's own vote(s) and the proxies they gave or hold (the bureau: all proxies). */
export function BallotSection({ detail }: { detail: ProposalDetail }) {
  const { t } = useT();
  const session = useSession();
  const p = detail.proposal;
  const change = useProposalChange(p.id);
  const bureau = Boolean(session?.permissions["proposal.record"]);
  const ownUnits = detail.myVotes.filter((v) => v.own && !v.voted && !v.proxyHolderName);
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h4">
          {t("proposal.myVotes")}
        </Title>
        {detail.myVotes.length === 0 && <Text>{t("proposal.notVoter")}</Text>}
        {detail.myVotes.map((vote) => (
          <CastVote key={vote.unitId} detail={detail} vote={vote} />
        ))}
        <Title order={3} size="h5">
          {t("proposal.proxies")}
        </Title>
        {detail.proxies.length === 0 ? (
          <Text size="sm">{t("proposal.proxiesNone")}</Text>
        ) : (
          <List size="sm" spacing={4}>
            {detail.proxies.map((x) => (
              <List.Item key={x.id}>
                <Group gap="xs">
                  {t("proposal.proxyLine", { unit: x.unitName ?? "", holder: x.holderName ?? "" })}
                  {(bureau || detail.myVotes.some((v) => v.own && v.unitId === x.unitId)) && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      aria-label={t("proposal.proxyWithdrawOf", { unit: x.unitName ?? "" })}
                      onClick={() =>
                        change.run(
                          async () =>
                            unwrap(
                              await api.DELETE("/api/v1/proposals/{id}/proxies/{proxyId}", {
                                params: { path: { id: p.id, proxyId: x.id } },
                              }),
                            ),
                          t("common.saved"),
                        )
                      }
                    >
                      {t("proposal.proxyWithdraw")}
                    </Button>
                  )}
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        {p.maxProxies > 0 && (bureau || (detail.canGrantProxy && ownUnits.length > 0)) && (
          <GrantProxy detail={detail} forOthers={bureau && ownUnits.length === 0} />
        )}
      </Stack>
    </Paper>
  );
}
