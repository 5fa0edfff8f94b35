import { expect, test } from "@playwright/test";
import { axeClean, choose, logIn, newPage } from "./helpers";

test("the bureau finds organisations, adds a practice under a WSV, and exports the list", async ({
  browser,
}) => {
  const page = await newPage(browser);
  await logIn(page, "medewerker@zhn.demo");
  await page.getByRole("link", { name: "Organisaties" }).click();
  await expect(page.getByRole("heading", { name: "Organisaties" })).toBeVisible();
  await expect(page.getByText(/\d+ organisaties/)).not.toHaveText("0 organisaties");
  await axeClean(page);

  await page.getByLabel("Zoek op naam, plaats, AGB of KvK").fill("katwijk");
  await choose(
    page.getByRole("textbox", { name: "Soort" }).or(page.getByRole("combobox", { name: "Soort" })),
    "Apotheek",
  );
  await expect(page.getByText("1 organisaties")).toBeVisible();
  await expect(page.getByRole("link", { name: "Apotheek Katwijk" })).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Exporteer Excel" }).click();
  expect((await download).suggestedFilename()).toMatch(/^organisaties-.*\.xlsx$/);

  await page.getByRole("link", { name: "Organisatie toevoegen" }).click();
  await expect(page.getByRole("heading", { name: "Nieuwe organisatie" })).toBeVisible();
  await page.getByLabel("Naam").first().fill("Huisartsenpraktijk Het Anker");
  const postcode = page.getByRole("group", { name: "Bezoekadres" }).getByLabel("Postcode");
  await postcode.fill("0123 AB");
  await postcode.blur();
  await expect(page.getByText("Vul een postcode in als 1234 AB")).toBeVisible();
  await axeClean(page);
  await postcode.fill("2221ab");
  await choose(page.getByRole("combobox", { name: "Valt onder" }), "WSV Katwijk", { search: "WSV Katwijk" });
  // Gemeente and wijk come from the werkgebied.
  await choose(page.getByRole("combobox", { name: "Gemeente" }), "Katwijk", { exact: true });
  await choose(page.getByRole("combobox", { name: "Wijk" }), "Katwijk aan Zee (WK053700)");
  await page.getByRole("button", { name: "Organisatie toevoegen" }).click();

  await expect(page.getByRole("heading", { name: "Huisartsenpraktijk Het Anker" })).toBeVisible();
  await expect(page.getByText("Valt onder: WSV Katwijk")).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Wijk" })).toHaveValue("Katwijk aan Zee (WK053700)");
  await expect(page.getByRole("group", { name: "Bezoekadres" }).getByLabel("Postcode")).toHaveValue(
    "2221 AB",
  );
  await axeClean(page);

  // The WSV lists its new practice, and its members per discipline on a date.
  await page.goto("/organisaties");
  await page.getByLabel("Zoek op naam, plaats, AGB of KvK").fill("WSV Katwijk");
  await page.getByRole("link", { name: "WSV Katwijk" }).click();
  await expect(page.getByRole("link", { name: "Huisartsenpraktijk Het Anker" })).toBeVisible();
  const members = page.getByRole("list", { name: "Leden per discipline" });
  await expect(members.getByText("Huisarts", { exact: true })).toBeVisible();
  await page.getByLabel("Op datum").fill("2000-01-01");
  await expect(page.getByText("0 leden op deze datum")).toBeVisible();
  await axeClean(page);
});

test("a partner reads the directory but cannot change it", async ({ browser }) => {
  const page = await newPage(browser);
  await logIn(page, "partner@zhn.demo");
  await page.getByRole("link", { name: "Organisaties" }).click();
  await expect(page.getByRole("link", { name: "Organisatie toevoegen" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Exporteer CSV" })).toHaveCount(0);
  await page.getByLabel("Zoek op naam, plaats, AGB of KvK").fill("ziekenhuis");
  await page.getByRole("link", { name: "Ziekenhuis Oude Rijn" }).click();
  await expect(page.getByRole("heading", { name: "Ziekenhuis Oude Rijn" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Opslaan" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Verwijderen" })).toHaveCount(0);
  await axeClean(page);
});

test("the bureau adds a person and records where she works", async ({ browser }) => {
  const page = await newPage(browser);
  await logIn(page, "medewerker@zhn.demo");
  await page.getByRole("link", { name: "Personen" }).click();
  await expect(page.getByRole("heading", { name: "Personen" })).toBeVisible();
  await axeClean(page);

  await page.getByRole("link", { name: "Persoon toevoegen" }).click();
  await page.getByLabel("Voornaam").fill("Hanna");
  await page.getByLabel("Tussenvoegsel").fill("van");
  await page.getByLabel("Achternaam").fill("Rijn");
  const big = page.getByLabel("BIG-nummer");
  await big.fill("1234");
  await big.blur();
  await expect(page.getByText("Een BIG-nummer heeft 11 cijfers")).toBeVisible();
  await big.fill("123.456.789.01");
  await choose(page.getByRole("combobox", { name: "Disciplines" }), "Huisarts", { exact: true });
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Persoon toevoegen" }).click();

  await expect(page.getByRole("heading", { name: "Hanna van Rijn" })).toBeVisible();
  await expect(page.getByLabel("BIG-nummer")).toHaveValue("12345678901");
  await expect(page.getByText("Nog geen werkrelaties.")).toBeVisible();
  await expect(page.getByText("Geen lidmaatschappen.")).toBeVisible();
  const add = page.getByRole("form", { name: "Werkrelatie toevoegen" });
  await choose(add.getByRole("combobox", { name: "Organisatie" }), "Apotheek Lisse", {
    search: "Apotheek Lisse",
  });
  await add.getByLabel("Functie").fill("Waarnemend huisarts");
  await add.getByLabel("FTE").fill("0,4");
  await add.getByRole("button", { name: "Werkrelatie toevoegen" }).click();
  await expect(page.getByRole("cell", { name: "Waarnemend huisarts" })).toBeVisible();
  await axeClean(page);

  // The organisation lists her among its people.
  await page.getByRole("link", { name: "Apotheek Lisse" }).click();
  await expect(page.getByRole("link", { name: "Hanna van Rijn" })).toBeVisible();

  // A demo GP is a member of her WSV, which her page shows.
  await page.goto("/personen");
  await page.getByLabel("Zoek op naam, e-mail, BIG of AGB").fill("Visser");
  await page
    .getByRole("link", { name: /Visser/ })
    .first()
    .click();
  await expect(page.getByRole("link", { name: /^WSV / })).toBeVisible();
  await axeClean(page);
});

test("the bureau ends a membership, which then no longer counts", async ({ browser }) => {
  const page = await newPage(browser);
  await logIn(page, "medewerker@zhn.demo");
  await page.getByRole("link", { name: "Organisaties" }).click();
  await page.getByLabel("Zoek op naam, plaats, AGB of KvK").fill("WSV Noordwijk");
  await page.getByRole("link", { name: "WSV Noordwijk" }).click();
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("Op datum").fill(tomorrow);
  const total = page.getByText(/^\d+ leden op deze datum$/);
  await expect(total).not.toHaveText(/^0 /);
  const before = Number((await total.innerText()).split(" ")[0]);

  await page
    .getByRole("button", { name: /^Beëindigen / })
    .first()
    .click();
  await expect(page.getByLabel("Laatste dag van het lidmaatschap")).toBeVisible();
  await axeClean(page);
  await page.getByRole("button", { name: "Lidmaatschap beëindigen" }).click();
  await expect(page.getByText(/Het lidmaatschap van .* is beëindigd/)).toBeVisible();
  await expect(total).toHaveText(`${before - 1} leden op deze datum`);
});
