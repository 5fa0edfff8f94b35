import { Box, Group, Stack, Text } from "@mantine/core";
import { formatDate, useT } from "../../i18n";
import type { Project } from "./projects-api";
import { phaseColor } from "./projects-api";

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/**
 * The projects on a timeline: a bar per project from its start to its end, on a scale of whole
 * years covering them all, coloured by phase. Each bar says its dates in words for a screen
 * reader; projects without a start or end are listed below.
 */
export function ProjectTimeline({ rows }: { rows: Project[] }) {
  const { t, lang } = useT();
  const dated = rows.filter((p) => p.startDate && p.endDate);
  const undated = rows.filter((p) => !(p.startDate && p.endDate));
  if (!dated.length) return <Text c="gray.7">{t("project.noDates")}</Text>;
  const firstYear = Math.min(...dated.map((p) => Number(p.startDate!.slice(0, 4))));
  const lastYear = Math.max(...dated.map((p) => Number(p.endDate!.slice(0, 4))));
  const from = day(`${firstYear}-01-01`);
  const span = day(`${lastYear + 1}-01-01`) - from;
  const at = (iso: string) => `${(100 * (day(iso) - from)) / span}%`;
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);
  const today = new Date().toISOString().slice(0, 10);
  const showToday = day(today) >= from && day(today) <= from + span;

  return (
    <Stack gap={4}>
      <Group wrap="nowrap" gap="xs" aria-hidden>
        <Box w={{ base: 120, sm: 220 }} style={{ flexShrink: 0 }} />
        <Box pos="relative" style={{ flex: 1 }} h={20}>
          {years.map((y) => (
            <Text
              key={y}
              size="xs"
              c="gray.7"
              pos="absolute"
              left={at(`${y}-01-01`)}
              style={{ borderLeft: "1px solid #adb5bd", paddingLeft: 4 }}
            >
              {y}
            </Text>
          ))}
        </Box>
      </Group>
      <Box component="ul" p={0} m={0} style={{ listStyle: "none" }} aria-label={t("project.viewTimeline")}>
        {dated.map((p) => (
          <Group key={p.id} component="li" wrap="nowrap" gap="xs" py={2}>
            <Text size="sm" w={{ base: 120, sm: 220 }} truncate="end" style={{ flexShrink: 0 }}>
              {p.name}
            </Text>
            <Box pos="relative" style={{ flex: 1 }} h={18} bg="gray.1">
              {showToday && (
                <Box pos="absolute" top={0} bottom={0} left={at(today)} w={2} bg="red.9" aria-hidden />
              )}
              <Box
                pos="absolute"
                top={3}
                h={12}
                left={at(p.startDate!)}
                w={`calc(${at(p.endDate!)} - ${at(p.startDate!)})`}
                bg={phaseColor[p.phase]}
                style={{ borderRadius: 3, minWidth: 3 }}
                role="img"
                aria-label={t("project.bar", {
                  name: p.name,
                  from: formatDate(p.startDate, lang),
                  to: formatDate(p.endDate, lang),
                  phase: t(`project.phase.${p.phase}`),
                })}
              />
            </Box>
          </Group>
        ))}
      </Box>
      {undated.length > 0 && (
        <Text size="sm" c="gray.7" mt="xs">
          {t("project.undated")}: {undated.map((p) => p.name).join(", ")}
        </Text>
      )}
    </Stack>
  );
}
