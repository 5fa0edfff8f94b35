import { Group, Text } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * Above a list: how many rows it shows (announced to screen readers as filters change it) and the
 * list's actions, such as export and add.
 */
export function ListToolbar({ count, children }: { count: ReactNode; children?: ReactNode }) {
  return (
    <Group justify="space-between" wrap="wrap">
      <Text size="sm" aria-live="polite">
        {count}
      </Text>
      <Group gap="xs">{children}</Group>
    </Group>
  );
}
