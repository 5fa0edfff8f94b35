import { Button, Group, Stack, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { today } from "../../../shared/dates";
import { api, unwrap } from "../../api";
import { useT } from "../../i18n";
import { useSession } from "../../session";
import { MeetingForm } from "./MeetingForm";
import { MeetingTable } from "./MeetingsPage";

/** A body's next meetings on its page, and for the bureau planning one. */
export function BodyMeetingsSection({ bodyId }: { bodyId: string }) {
  const { t } = useT();
  const session = useSession();
  const [adding, setAdding] = useState(false);
  const meetings = useQuery({
    queryKey: ["meetings", "body", bodyId],
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/meetings", { params: { query: { bodyId, from: today(), limit: 5 } } }))
        .items,
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t("meeting.forBody")}
        </Title>
        {session?.permissions["meeting.create"] && !adding && (
          <Button size="xs" onClick={() => setAdding(true)}>
            {t("meeting.add")}
          </Button>
        )}
      </Group>
      {adding && <MeetingForm bodyId={bodyId} onDone={() => setAdding(false)} />}
      <MeetingTable meetings={meetings.data ?? []} showBody={false} />
    </Stack>
  );
}
