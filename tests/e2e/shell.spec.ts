import { expect, test } from "@playwright/test";
import { axeClean, choose, logIn, newPage } from "./helpers";

// A 1×1 PNG, as the logo upload.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

test("a beheerder sets the region's name, werkgebied and logo", async ({ browser }) => {
  const page = await newPage(browser);
  await logIn(page, "beheerder@zhn.demo");
  await page.getByRole("link", { name: "Regio-instellingen" }).click();
  await expect(page.getByRole("heading", { name: "Regio-instellingen" })).toBeVisible();
  const name = page.getByLabel("Naam van de regio-organisatie");
  await expect(name).toHaveValue("Zuid-Holland Noord");
  await axeClean(page);

  await name.fill("Regio Zuid-Holland Noord");
  // Remove Leiden from the werkgebied: the total follows.
  const before = await page.getByText(/gemeenten, samen .* inwoners/).innerText();
  await page.getByRole("cell", { name: "Leiden", exact: true }).waitFor();
  await choose(page.getByRole("combobox", { name: "Werkgebied (gemeenten)" }), "Leiden (GM0546)");
  await page.keyboard.press("Escape");
  await expect(page.getByText(/gemeenten, samen .* inwoners/)).not.toHaveText(before);
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByText("De instellingen zijn opgeslagen")).toBeVisible();

  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Kies een afbeelding" }).click();
  await (await chooser).setFiles({ name: "logo.png", mimeType: "image/png", buffer: PNG });
  await page.getByRole("button", { name: "Logo uploaden" }).click();
  await expect(page.getByRole("img", { name: "Logo van Regio Zuid-Holland Noord" })).toBeVisible();
  await axeClean(page);

  // The dashboard shows the new name and one gemeente fewer.
  await page.getByRole("link", { name: "Overzicht" }).click();
  await expect(page.getByText("Regio Zuid-Holland Noord")).toBeVisible();
  await expect(page.getByText("12", { exact: true })).toBeVisible();

  // This journey owns the region's settings: it puts them back for the journeys after it.
  await page.getByRole("link", { name: "Regio-instellingen" }).click();
  await page.getByLabel("Naam van de regio-organisatie").fill("Zuid-Holland Noord");
  await choose(page.getByRole("combobox", { name: "Werkgebied (gemeenten)" }), "Leiden (GM0546)");
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Opslaan" }).click();
  // The first save's notice may still be showing.
  await expect(page.getByText("De instellingen zijn opgeslagen").last()).toBeVisible();
  await page.getByRole("cell", { name: "Leiden", exact: true }).waitFor();
});

test("the spotlight finds pages and people, by keyboard", async ({ browser }) => {
  const page = await newPage(browser);
  await logIn(page, "beheerder@zhn.demo");
  await expect(page.getByRole("heading", { name: "Overzicht" })).toBeVisible();
  await page.keyboard.press("Control+K");
  const search = page.getByRole("textbox", { name: "Zoeken" });
  await search.fill("medewerker@zhn");
  const person = page.getByRole("button", { name: /medewerker@zhn.demo/ });
  await expect(person).toBeVisible();
  await axeClean(page);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Gebruikers" })).toBeVisible();
  await expect(page.getByLabel("Zoek op naam of e-mail")).toHaveValue("medewerker@zhn.demo");
  await expect(page.getByText("1 gebruikers")).toBeVisible();
});

test("at 360 px wide every page fits and the menu opens from the burger", async ({ browser }) => {
  // Fourteen pages, each checked with axe: more than the default minute on a busy machine.
  test.setTimeout(150_000);
  const page = await newPage(browser, { width: 360, height: 740 });
  await logIn(page, "beheerder@zhn.demo");
  await expect(page.getByRole("heading", { name: "Overzicht" })).toBeVisible();
  for (const [link, heading] of [
    ["Organisaties", "Organisaties"],
    ["Personen", "Personen"],
    ["Organen", "Organen"],
    ["Mandaten", "Wie spreekt namens wie"],
    ["Vergaderingen", "Vergaderingen"],
    ["Besluiten", "Besluitenlijst"],
    ["Acties", "Actielijst"],
    ["Stemmingen", "Voorstellen en stemmingen"],
    ["Consultaties", "Consultaties en adviesnotities"],
    ["Gebruikers", "Gebruikers"],
    ["Logboek", "Logboek"],
    ["E-mail", "E-mail"],
    ["Regio-instellingen", "Regio-instellingen"],
    ["Mijn profiel", "Mijn profiel"],
  ]) {
    await page.getByRole("button", { name: "Menu openen of sluiten" }).click();
    await page.getByRole("link", { name: link }).click();
    await expect(page.getByRole("heading", { name: heading, level: 2 })).toBeVisible();
    // Nothing sticks out sideways (wide tables scroll inside their own container).
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${link} is wider than the screen`).toBeLessThanOrEqual(0);
    await axeClean(page);
  }
});
