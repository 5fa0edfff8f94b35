import { Button } from "@mantine/core";
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { useT } from "../i18n";

interface Page {
  items: unknown[];
  nextCursor: string | null;
}

/**
 * A keyset-paged list (the API's `cursor`/`nextCursor`): the rows loaded so far, and the next
 * page on demand. While a new filter loads, the previous rows stay on screen.
 */
export function usePagedList<P extends Page>(
  queryKey: unknown[],
  fetchPage: (cursor?: string) => Promise<P>,
) {
  const list = useInfiniteQuery({
    queryKey,
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: P) => last.nextCursor ?? undefined,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    placeholderData: keepPreviousData,
  });
  const rows = (list.data?.pages.flatMap((p) => p.items) ?? []) as P["items"];
  return { list, rows, firstPage: list.data?.pages[0] };
}

/** How many rows are loaded, "50+" while more pages can be loaded (the count is then a lower bound). */
export const loadedCount = (list: { hasNextPage: boolean }, rows: unknown[]) =>
  `${rows.length}${list.hasNextPage ? "+" : ""}`;

/** "Meer laden", shown while the list has a next page. */
export function MoreButton({ list }: { list: ReturnType<typeof usePagedList>["list"] }) {
  const { t } = useT();
  if (!list.hasNextPage) return null;
  return (
    <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
      {t("common.more")}
    </Button>
  );
}
