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
