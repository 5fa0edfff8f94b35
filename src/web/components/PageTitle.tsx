import { Title } from "@mantine/core";
import { useEffect } from "react";

/** The page's h1, also set as the document title so screen readers announce the new page. */
export function PageTitle({ children }: { children: string }) {
  useEffect(() => {
    document.title = `${children} · Regiotafel`;
  }, [children]);
  return (
    <Title order={2} mb="md">
      {children}
    </Title>
  );
}
