import { expect, test } from "@playwright/test";
import { axeClean, choose, logIn, newPage } from "./helpers";

test("the bureau merges one zorggroep into another after seeing what moves", async ({ browser }) => {
  const page = await newPage(browser);
  await logIn(page, "medewerker@zhn.demo");
  await page.getByRole("link", { name: "Organisaties" }).click();
  await page.getByLabel("Zoek op naam, plaats, AGB of KvK").fill("Zorggroep Groene Hart");
  await page.getByRole("link", { name: "Zorggroep Groene Hart" }).click();
  await expect(page.getByRole("heading", { name: "Zorggroep Groene Hart" })).toBeVisible();

  const target = page.getByRole("combobox", { name: "Gaat op in" });
  await choose(target, "Zorggroep Bollenstreek", { search: "Zorggroep Bollenstreek" });
  await page.getByLabel("Per datum").fill("2027-01-01");
  await page.getByRole("button", { name: "Bekijk wat er verhuist" }).click();
  const preview = page.getByRole("region", { name: "Wat er verhuist" });
  await expect(
    preview.getByText(/^[1-9]\d* leden worden lid van de nieuwe organisatie; 0 waren dat al$/),
  ).toBeVisible();
  await axeClean(page);
  // Nothing has changed yet.
  await expect(page.getByText("Zorggroep · Actief")).toBeVisible();

  await page.getByRole("button", { name: "Laat opgaan in Zorggroep Bollenstreek" }).click();
  await expect(page.getByText("Zorggroep Groene Hart is opgegaan in Zorggroep Bollenstreek")).toBeVisible();
  await expect(page.getByText("Opgegaan in Zorggroep Bollenstreek (01-01-2027)")).toBeVisible();
  await expect(page.getByRole("button", { name: "Bekijk wat er verhuist" })).toHaveCount(0);
  await axeClean(page);

  // The members continue at the target from the merge date.
  await page.getByRole("link", { name: "Zorggroep Bollenstreek" }).click();
  await page.getByLabel("Op datum").fill("2027-01-01");
  await expect(
    page.getByRole("cell", { name: "Huisartsenpraktijk Oegstgeest Centrum", exact: true }),
  ).toBeVisible();
});
