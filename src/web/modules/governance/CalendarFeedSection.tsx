import { Alert, Button, CopyButton, Group, Paper, Text, TextInput, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap } from "../../api";
import { formatDateTime, useT } from "../../i18n";
import { notifyError } from "../../notify";

const FEED_KEY = ["calendar-feed"];

/**
 * On the profile: a secret calendar URL with one's meetings, for Outlook, Google or Apple. Only
 * its hash is kept, so the URL is shown once when made; making a new one retires the old.
 */
export function CalendarFeedSection() {
  const { t, lang } = useT();
  const queryClient = useQueryClient();
  const [url, setUrl] = useState<string | null>(null);
  const feed = useQuery({
    queryKey: FEED_KEY,
    queryFn: async () => unwrap(await api.GET("/api/v1/me/calendar-feed", {})),
  });
  async function make() {
    try {
      setUrl(unwrap(await api.POST("/api/v1/me/calendar-feed", {})).url);
      await queryClient.invalidateQueries({ queryKey: FEED_KEY });
    } catch (e) {
      notifyError(e);
    }
  }
  async function remove() {
    try {
      unwrap(await api.DELETE("/api/v1/me/calendar-feed", {}));
      setUrl(null);
      await queryClient.invalidateQueries({ queryKey: FEED_KEY });
    } catch (e) {
      notifyError(e);
    }
  }
  const active = feed.data?.active;
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        {t("feed.title")}
      </Title>
      <Text mb="sm">{t("feed.intro")}</Text>
      {url && (
        <Alert variant="outline" color="#1b5e20" mb="sm" role="status">
          <Group align="flex-end" wrap="nowrap">
            <TextInput
              label={t("feed.url")}
              readOnly
              value={url}
              onFocus={(e) => e.currentTarget.select()}
              style={{ flex: 1 }}
            />
            <CopyButton value={url}>
              {({ copied, copy }) => (
                <Button variant="default" onClick={copy}>
                  {copied ? t("feed.copied") : t("feed.copy")}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="sm" mt="xs">
            {t("feed.copyNow")}
          </Text>
        </Alert>
      )}
      {!url && (
        <Text size="sm" mb="sm">
          {active ? t("feed.active", { date: formatDateTime(feed.data?.createdAt, lang) }) : t("feed.none")}
        </Text>
      )}
      <Group>
        <Button onClick={make} variant={active ? "default" : "filled"}>
          {active ? t("feed.reset") : t("feed.create")}
        </Button>
        {active && (
          <Button variant="default" onClick={remove}>
            {t("feed.remove")}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
