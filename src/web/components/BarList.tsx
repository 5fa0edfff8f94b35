import { Group, Progress, Stack, Text } from "@mantine/core";
import { formatNumber, useT } from "../i18n";

/**
 * Numbers as labelled horizontal bars, longest first as given: a list a screen reader reads as
 * "label, number", with the bars only for the eye.
 */
export function BarList({
  label,
  items,
}: {
  label: string;
  items: { key: string; label: string; value: number; detail?: string }[];
}) {
  const { lang } = useT();
  const max = Math.max(1, ...items.map((i) => i.value));
  return (
    <Stack component="ul" gap={6} aria-label={label} p={0} m={0} style={{ listStyle: "none" }}>
      {items.map((i) => (
        <li key={i.key}>
          <Group justify="space-between" gap="xs">
            <Text size="sm">{i.label}</Text>
            <Text size="sm" fw={700}>
              {formatNumber(i.value, lang)}
              {i.detail ? (
                <Text span size="sm" fw={400} c="gray.7">
                  {" "}
                  ({i.detail})
                </Text>
              ) : null}
            </Text>
          </Group>
          <Progress value={(i.value / max) * 100} aria-hidden />
        </li>
      ))}
    </Stack>
  );
}
