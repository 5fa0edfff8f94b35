import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import "@mantine/spotlight/styles.css";
import "./app.css";
import { type CSSVariablesResolver, createTheme, MantineProvider, TableScrollContainer } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { type ReactNode, StrictMode, useMemo } from "react";
import { createRoot } from "react-dom/client";
import { initialLanguage, useT } from "./i18n";
import { createAppRouter } from "./router";

// Shade 8 of Mantine's blue passes WCAG AA contrast with white text; the default (6) does not.
// Made per language: the clear buttons of selects and file inputs carry a name in it, which
// Mantine's own do not (screen readers would announce an unnamed button).
const themeIn = (clear: string) => {
  const clearButtonProps = { "aria-label": clear };
  return createTheme({
    primaryColor: "blue",
    primaryShade: 8,
    defaultRadius: "md",
    // People who ask their system for less motion get no transitions (notifications, menus).
    respectReducedMotion: true,
    components: {
      // A table wider than the screen scrolls in its own box; keyboard users must reach that box.
      TableScrollContainer: TableScrollContainer.extend({ defaultProps: { type: "native", tabIndex: 0 } }),
      // By name, not with `Select.extend`: importing them here would put them in the first download.
      Select: { defaultProps: { clearButtonProps } },
      MultiSelect: { defaultProps: { clearButtonProps } },
      FileInput: { defaultProps: { clearButtonProps } },
    },
  });
};

function Themed({ children }: { children: ReactNode }) {
  const clear = useT().t("common.clear");
  const theme = useMemo(() => themeIn(clear), [clear]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      {children}
    </MantineProvider>
  );
}
// Light variants (the active menu item) write blue-6 on pale blue, below 4.5:1; blue-9 passes, also
// on the hover background when that is blue-1 (the default, blue-2, gives 4.0:1).
const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    "--mantine-color-blue-light-color": "var(--mantine-color-blue-9)",
    "--mantine-color-blue-light-hover": "var(--mantine-color-blue-1)",
    // Field errors in red-6 are 3.3:1 on white; red-9 passes.
    "--mantine-color-error": "var(--mantine-color-red-9)",
  },
  dark: {},
});
const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
});
const router = createAppRouter(queryClient);

document.documentElement.lang = initialLanguage;
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Themed>
      <Notifications />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </Themed>
  </StrictMode>,
);
