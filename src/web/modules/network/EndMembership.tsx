import { Button, Popover, Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import { ApiProblem, api, unwrap } from "../../api";
import { useT } from "../../i18n";
import { notify, notifyError } from "../../notify";

/**
 * Ends a membership on a date (the last day it counts). History stays: the membership is not
 * removed, it gets an end date.
 */
export function EndMembership({
  membership,
  onEnded,
}: {
  membership: { id: string; memberName: string; startDate: string; version: number };
  onEnded: () => Promise<void>;
}) {
  const { t } = useT();
  const [opened, setOpened] = useState(false);
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [error, setError] = useState<string | null>(null);

  async function end() {
    setError(null);
    try {
      unwrap(
        await api.PATCH("/api/v1/memberships/{id}", {
          params: { path: { id: membership.id } },
          body: { version: membership.version, endDate: date },
        }),
      );
      setOpened(false);
      notify(t("membership.ended", { name: membership.memberName }));
      await onEnded();
    } catch (e) {
      if (e instanceof ApiProblem && e.errors.length) setError(e.errors[0]!.message);
      else notifyError(e);
    }
  }

  return (
    <Popover opened={opened} onChange={setOpened} trapFocus position="bottom-end" withArrow>
      <Popover.Target>
        <Button size="xs" variant="default" onClick={() => setOpened((o) => !o)}>
          {t("membership.end")}
          <span className="visually-hidden"> {membership.memberName}</span>
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <TextInput
            type="date"
            label={t("membership.endDate")}
            value={date}
            min={membership.startDate}
            onChange={(e) => setDate(e.currentTarget.value)}
            error={error}
          />
          <Button size="xs" color="red" onClick={end}>
            {t("membership.endConfirm")}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
