import { expect, test } from "@playwright/test";
import { axeClean, logIn, newPage } from "./helpers";

test("a beheerder downloads what is stored about a person and erases her on request", async ({ browser }) => {
  const page = await newPage(browser);
  await logIn(page, "beheerder@zhn.demo");
  // The journey's own person, so no other journey depends on her.
  await page.getByRole("link", { name: "Personen" }).click();
  await page.getByRole("link", { name: "Persoon toevoegen" }).click();
  await page.getByLabel("Voornaam").fill("Wilma");
  await page.getByLabel("Achternaam").fill("Verzoek");
  await page.getByLabel("E-mail").fill("wilma@verzoek.example");
  await page.getByRole("button", { name: "Persoon toevoegen" }).click();
  await expect(page.getByRole("heading", { name: "Wilma Verzoek" })).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Alle gegevens (Excel)" }).click();
  expect((await download).suggestedFilename()).toMatch(/^persoonsgegevens-.*\.xlsx$/);

  const erase = page.getByRole("button", { name: "Persoonsgegevens verwijderen" });
  await expect(erase).toBeDisabled();
  await page.getByLabel("Typ ter bevestiging de naam: Wilma Verzoek").fill("Wilma Verzoek");
  await axeClean(page);
  await erase.click();
  await expect(page.getByText("De persoonsgegevens zijn verwijderd", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Verwijderde persoon" })).toBeVisible();
  await expect(page.getByLabel("E-mail")).toHaveValue("");
  await expect(page.getByText(/De persoonsgegevens zijn verwijderd op \d{2}-\d{2}-\d{4}\./)).toBeVisible();
  await axeClean(page);
});
