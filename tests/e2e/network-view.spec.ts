import { expect, test } from "@playwright/test";
import { axeClean, logIn, newPage } from "./helpers";

test("a member unfolds the network by keyboard and opens a WSV's one-page profile", async ({ browser }) => {
  const page = await newPage(browser);
  await logIn(page, "lid@zhn.demo");
  await page.getByRole("link", { name: "Netwerk" }).click();
  await expect(page.getByRole("heading", { name: "Netwerk", level: 2 })).toBeVisible();
  const unfold = page.getByRole("button", { name: "Coöperatie Eerstelijn Zuid-Holland Noord openklappen" });
  await unfold.focus();
  await page.keyboard.press("Enter");
  await expect(
    page.getByRole("button", { name: "Coöperatie Eerstelijn Zuid-Holland Noord dichtklappen" }),
  ).toHaveAttribute("aria-expanded", "true");
  await page.getByRole("button", { name: "WSV Oegstgeest openklappen" }).click();
  await expect(page.getByRole("link", { name: "Huisartsenpraktijk Oegstgeest Centrum" })).toBeVisible();
  await axeClean(page);

  await page.getByRole("link", { name: "WSV Oegstgeest" }).click();
  await expect(page.getByRole("heading", { name: "Profiel WSV Oegstgeest" })).toBeVisible();
  const disciplines = page.getByRole("list", { name: "Disciplines (personen)" });
  await expect(disciplines.getByText("Huisarts", { exact: true })).toBeVisible();
  await expect(page.getByText(/Coördinator: /)).toBeVisible();
  await expect(page.getByText(/\d+ wijken, samen [\d.]+ inwoners/)).toBeVisible();
  await axeClean(page);
});

test("the board reads the member counts per WSV and discipline on a date, and exports them", async ({
  browser,
}) => {
  const page = await newPage(browser);
  await logIn(page, "bestuur@zhn.demo");
  await page.getByRole("link", { name: "Netwerk" }).click();
  await page.getByRole("link", { name: "Ledenaantallen per WSV en discipline" }).click();
  const table = page.getByRole("table", { name: /^Leden op / });
  await expect(table.getByRole("columnheader", { name: "Huisarts", exact: true })).toBeVisible();
  await expect(table.getByRole("row", { name: /^WSV Oegstgeest \d+/ })).toBeVisible();
  await axeClean(page);
  await page.getByLabel("Op datum").fill("2005-01-01");
  await expect(page.getByText("Geen leden op deze datum.")).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Exporteer Excel" }).click();
  expect((await download).suggestedFilename()).toMatch(/^ledenaantallen-2005-01-01-.*\.xlsx$/);
});
