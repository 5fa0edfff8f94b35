import { Anchor, List, Paper, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { api, unwrap } from "../../api";
import { useT } from "../../i18n";
import { MandateTable } from "./MandateTable";

/**
 * Who speaks for this organisation today: the seats held in its name, and the mandates of the
 * constituencies it belongs to. Shown on the organisation's page, to everyone in the region.
 */
export function RepresentativesSection({ organisationId }: { organisationId: string }) {
  const { t } = useT();
  const representatives = useQuery({
    queryKey: ["mandates", "representatives", organisationId],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/organisations/{id}/representatives", {
          params: { path: { id: organisationId } },
        }),
      ),
  });
  const { seats = [], mandates = [] } = representatives.data ?? {};
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="representatives-title">
      <Stack gap="xs">
        <Title order={3} size="h4" id="representatives-title">
          {t("mandate.representatives")}
        </Title>
        {!seats.length && !mandates.length && <Text c="gray.7">{t("mandate.noRepresentatives")}</Text>}
        {seats.length > 0 && (
          <List aria-label={t("mandate.seatsInName")}>
            {seats.map((s) => (
              <List.Item key={s.seatId}>
                <Anchor
                  renderRoot={(props) => <Link {...props} to="/organen/$id" params={{ id: s.bodyId }} />}
                >
                  {s.bodyName}
                </Anchor>
                : {t(`seat.role.${s.role}`)} — {s.personName ?? t("seat.vacant")}
              </List.Item>
            ))}
          </List>
        )}
        {mandates.length > 0 && <MandateTable mandates={mandates} canEdit={false} />}
      </Stack>
    </Paper>
  );
}
