import { expect, type Page, test } from "@playwright/test";
import { axeClean, choose, logIn, newPage } from "./helpers";

async function openPlans(page: Page, email: string) {
  await logIn(page, email);
  await page.getByRole("link", { name: "Regioplan", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Regioplannen" })).toBeVisible();
}

/** Adds an area through the button that opens its form (its label names where it goes). */
async function addArea(page: Page, button: string, name: string, description?: string) {
  await page.getByRole("button", { name: button, exact: true }).click();
  const form = page.getByRole("form", { name: button });
  await form.getByRole("textbox", { name: "Naam" }).fill(name);
  if (description) await form.getByRole("textbox", { name: "Toelichting" }).fill(description);
  await form.getByRole("button", { name: "Toevoegen" }).click();
  await expect(page.getByText(name, { exact: true }).first()).toBeVisible();
}

test("the bureau writes a regioplan with two beleidsterreinen and their resultaatgebieden, the stuurgroep's adoption is recorded, and a new version starts from it", async ({
  browser,
}) => {
  const title = `Transitieagenda Duin- en Bollenstreek ${Date.now()}`;
  const page = await newPage(browser);
  await openPlans(page, "medewerker@zhn.demo");
  // The demo region's own plan is there, vastgesteld.
  await expect(page.getByRole("link", { name: "Regioplan Zuid-Holland Noord" })).toBeVisible();
  await axeClean(page);

  await page.getByRole("button", { name: "Nieuw regioplan" }).click();
  const form = page.getByRole("form", { name: "Nieuw regioplan" });
  await form.getByRole("textbox", { name: "Titel" }).fill(title);
  await form.getByRole("textbox", { name: "Eerste jaar" }).fill("2026");
  await form.getByRole("textbox", { name: "Laatste jaar" }).fill("2025");
  await form.getByRole("button", { name: "Regioplan aanmaken" }).click();
  await expect(form.getByText("Het laatste jaar ligt vóór het eerste")).toBeVisible();
  await form.getByRole("textbox", { name: "Laatste jaar" }).fill("2029");
  await form.getByRole("textbox", { name: "Visie" }).fill("Samen **dicht bij huis**.");
  await form.getByRole("textbox", { name: "Ambities" }).fill("- Een vaste huisarts voor iedereen");
  await form.getByRole("button", { name: "Regioplan aanmaken" }).click();

  await expect(page.getByRole("heading", { name: title, level: 2 })).toBeVisible();
  await expect(page.getByText("dicht bij huis", { exact: true })).toBeVisible();
  await expect(page.getByText("Dit plan heeft nog geen beleidsterreinen.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Vaststellen" })).toBeDisabled();

  await addArea(page, "Beleidsterrein toevoegen", "Arbeidsmarkt", "Genoeg handen aan het bed");
  await addArea(page, "Beleidsterrein toevoegen", "ICT");
  // A name used twice is refused at its field, and nothing is added.
  await page.getByRole("button", { name: "Beleidsterrein toevoegen", exact: true }).click();
  const twice = page.getByRole("form", { name: "Beleidsterrein toevoegen" });
  await twice.getByRole("textbox", { name: "Naam" }).fill("ICT");
  await twice.getByRole("button", { name: "Toevoegen" }).click();
  await expect(twice.getByText("Deze naam komt hier al voor")).toBeVisible();
  await twice.getByRole("button", { name: "Annuleren" }).click();

  await addArea(page, "Resultaatgebied toevoegen aan Arbeidsmarkt", "Minder verloop");
  await addArea(page, "Resultaatgebied toevoegen aan Arbeidsmarkt", "Meer stageplaatsen");
  await addArea(page, "Resultaatgebied toevoegen aan ICT", "Digitale zorg in elke praktijk");
  await axeClean(page);

  // ICT goes first.
  await page.getByRole("button", { name: "ICT naar boven" }).click();
  await expect(page.getByRole("heading", { level: 3 })).toHaveText(["ICT", "Arbeidsmarkt"]);
  const work = page.getByRole("region", { name: "Arbeidsmarkt" });
  await expect(work.getByRole("listitem")).toHaveText([/Minder verloop/, /Meer stageplaatsen/]);

  await page.getByRole("button", { name: "Vaststellen" }).click();
  const adopt = page.getByRole("form", { name: "Vaststellen" });
  await choose(adopt.getByRole("combobox", { name: "Vastgesteld door" }), "Stuurgroep", { exact: true });
  await adopt.getByLabel("Vastgesteld op").fill("2026-03-12");
  await axeClean(page);
  await adopt.getByRole("button", { name: "Vaststellen" }).click();
  await expect(page.getByText("Vastgesteld door Stuurgroep op 12 mrt 2026")).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Regioplan als PDF" }).click();
  expect((await download).suggestedFilename()).toMatch(
    /^Transitieagenda_Duin-_en_Bollenstreek_\d+_2026_2029_versie_1\.pdf$/,
  );
  // The record is fixed: no more adding, changing or moving.
  await expect(page.getByRole("button", { name: "Beleidsterrein toevoegen" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "ICT wijzigen" })).toHaveCount(0);

  await page.getByRole("button", { name: "Nieuwe versie maken" }).click();
  await expect(page.getByText("versie 2")).toBeVisible();
  await expect(page.getByRole("link", { name: "Naar de vorige versie" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3 })).toHaveText(["ICT", "Arbeidsmarkt"]);
  await page.getByRole("button", { name: "Arbeidsmarkt wijzigen" }).click();
  const edit = page.getByRole("form", { name: "Arbeidsmarkt wijzigen" });
  await edit.getByRole("textbox", { name: "Naam" }).fill("Arbeidsmarkt en opleiding");
  await edit.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByRole("heading", { name: "Arbeidsmarkt en opleiding", level: 3 })).toBeVisible();
  await axeClean(page);

  // A member reads the plan, and cannot write one.
  const member = await newPage(browser);
  await openPlans(member, "lid@zhn.demo");
  await expect(member.getByRole("button", { name: "Nieuw regioplan" })).toHaveCount(0);
  await member.getByRole("link", { name: "Regioplan Zuid-Holland Noord" }).click();
  await expect(member.getByText("Kwetsbare ouderen in beeld", { exact: true })).toBeVisible();
  await expect(member.getByRole("button", { name: "Nieuwe versie maken" })).toHaveCount(0);
  await axeClean(member);
});
