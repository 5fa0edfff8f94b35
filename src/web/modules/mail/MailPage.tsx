import { Accordion, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api";
import { PageTitle } from "../../components/PageTitle";
import { formatDateTime, useT } from "../../i18n";

export function MailPage() {
  const { t, lang } = useT();
  const mails = useQuery({
    queryKey: ["mails"],
    queryFn: async () => unwrap(await api.GET("/api/v1/mails", { params: { query: { limit: 100 } } })).items,
  });
  return (
    <Stack>
      <PageTitle>{t("mail.title")}</PageTitle>
      <Text size="sm">{t("mail.intro")}</Text>
      {mails.data?.length === 0 && <Text>{t("mail.empty")}</Text>}
      <Accordion variant="separated">
        {mails.data?.map((m) => (
          <Accordion.Item key={m.id} value={m.id}>
            <Accordion.Control>
              {m.subject} — {m.to} · {formatDateTime(m.createdAt, lang)} · {t(`mail.status.${m.status}`)}
            </Accordion.Control>
            <Accordion.Panel>
              <Text component="pre" style={{ whiteSpace: "pre-wrap" }} size="sm">
                {m.text}
              </Text>
              {m.attachmentName && (
                <Text size="sm" mt="xs">
                  {t("mail.attachment", { name: m.attachmentName })}
                </Text>
              )}
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Stack>
  );
}
