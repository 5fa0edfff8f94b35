import { expect, test } from "@playwright/test";
import { axeClean, choose, logIn, newPage } from "./helpers";

const iso = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test("the bureau sets up the medische raad: fills the vacant seat, reappoints, adds a seat and a body", async ({
  browser,
}) => {
  const page = await newPage(browser);
  await logIn(page, "medewerker@zhn.demo");
  await page.getByRole("link", { name: "Organen" }).click();
  await expect(page.getByRole("heading", { name: "Organen", level: 2 })).toBeVisible();
  // What needs attention: the diëtisten's seat is vacant, the fysiotherapeuten's term ends soon.
  const attention = page.getByRole("region", { name: "Aandacht nodig" });
  await expect(attention.getByText("Lid namens Diëtistennetwerk Holland Rijnland")).toBeVisible();
  await expect(
    attention.getByText(/Lid namens Fysiotherapeutenvereniging Rijnland, Iris Kuipers/),
  ).toBeVisible();
  await axeClean(page);

  await choose(page.getByRole("combobox", { name: "Soort orgaan" }), "Medische raad");
  await expect(page.getByText("1 organen")).toBeVisible();
  await page.getByRole("link", { name: "Medische raad" }).first().click();
  await expect(page.getByRole("heading", { name: "Medische raad" })).toBeVisible();
  await expect(page.getByText(/6 van 7 zetels bezet/)).toBeVisible();
  await axeClean(page);

  // Fill the vacant seat from today, for the seat's three years.
  await page
    .getByRole("button", { name: "Benoemen op zetel Lid namens Diëtistennetwerk Holland Rijnland" })
    .click();
  const appoint = page.getByRole("form", {
    name: "Benoemen op zetel Lid namens Diëtistennetwerk Holland Rijnland",
  });
  await choose(appoint.getByRole("combobox", { name: "Bezet door" }), "Naima Boukhari", {
    search: "Boukhari",
  });
  await axeClean(page);
  await appoint.getByRole("button", { name: "Benoemen" }).click();
  await expect(page.getByRole("link", { name: "Naima Boukhari" })).toBeVisible();
  await expect(page.getByText(/7 van 7 zetels bezet/)).toBeVisible();

  // Reappoint the fysiotherapeuten's representative for a second term, from the day after.
  await page
    .getByRole("button", { name: "Benoemen op zetel Lid namens Fysiotherapeutenvereniging Rijnland" })
    .click();
  const reappoint = page.getByRole("form", {
    name: /Benoemen op zetel Lid namens Fysiotherapeutenvereniging/,
  });
  await expect(reappoint.getByLabel("Ingangsdatum")).toHaveValue(iso(30));
  // An overlapping start is refused at the field, with the reason.
  await reappoint.getByLabel("Ingangsdatum").fill(iso(0));
  await choose(reappoint.getByRole("combobox", { name: "Bezet door" }), "Iris Kuipers", {
    search: "Kuipers",
  });
  await reappoint.getByRole("button", { name: "Benoemen" }).click();
  await expect(reappoint.getByText(/overlapt/)).toBeVisible();
  await reappoint.getByLabel("Ingangsdatum").fill(iso(30));
  await reappoint.getByRole("button", { name: "Benoemen" }).click();
  await expect(reappoint).toBeHidden();
  await page.getByLabel("Alle termijnen tonen").check();
  const terms = page.getByRole("list", {
    name: "Termijnen van Lid namens Fysiotherapeutenvereniging Rijnland",
  });
  await expect(terms.getByRole("listitem")).toHaveCount(2);

  // The composition as it was: last year the diëtisten's seat was held by Yvonne Maas.
  await page.getByLabel("Samenstelling op").fill(iso(-365));
  await expect(page.getByRole("link", { name: "Yvonne Maas" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Naima Boukhari" })).toBeHidden();
  await page.getByLabel("Samenstelling op").fill(iso(0));

  // A seat for a discipline, left vacant for now.
  await page.getByRole("button", { name: "Zetel toevoegen" }).click();
  const seatForm = page.getByRole("form", { name: "Zetel toevoegen" });
  await seatForm.getByRole("radio", { name: "Een discipline" }).check();
  await seatForm.getByRole("button", { name: "Zetel toevoegen" }).click();
  await expect(seatForm.getByText("Vul dit veld in")).toBeVisible();
  await choose(seatForm.getByRole("combobox", { name: "Discipline" }), "Logopedist");
  await axeClean(page);
  await seatForm.getByRole("button", { name: "Zetel toevoegen" }).click();
  await expect(page.getByRole("cell", { name: "Lid namens Logopedist", exact: true })).toBeVisible();
  await expect(page.getByText(/7 van 8 zetels bezet/)).toBeVisible();

  // The huisartsen's representative speaks for the Katwijk practices: a mandate with its document.
  await page
    .getByRole("button", {
      name: "Mandaat vastleggen voor zetel Lid namens Huisartsenvereniging Holland Rijnland",
    })
    .click();
  const mandate = page.getByRole("form", { name: "Mandaat vastleggen" });
  await expect(mandate.getByRole("combobox", { name: "Vertegenwoordiger" })).toHaveValue("Marloes Verbeek");
  await mandate.getByRole("textbox", { name: "Achterban" }).fill("Huisartsen en apothekers Katwijk");
  await mandate.getByRole("button", { name: "Mandaat vastleggen" }).click();
  await expect(mandate.getByText("Kies ten minste één organisatie")).toBeVisible();
  const onBehalfOf = mandate.getByRole("combobox", { name: "Namens" });
  await choose(onBehalfOf, "Huisartsenpraktijk Katwijk Centrum", { search: "Katwijk Centrum" });
  await choose(onBehalfOf, "Apotheek Katwijk", { search: "Apotheek Katwijk" });
  // A multi-select stays open for the next choice; Escape closes it.
  await onBehalfOf.press("Escape");
  await mandate.locator("input[type=file]").setInputFiles({
    name: "besluit-ledenvergadering.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
  });
  await axeClean(page);
  await mandate.getByRole("button", { name: "Mandaat vastleggen" }).click();
  await expect(page.getByText("Mandaat van Huisartsen en apothekers Katwijk (2 organisaties)")).toBeVisible();

  // Who speaks for whom: the mandate with its document, and on the pharmacy's own page.
  await page.getByRole("link", { name: "Mandaten" }).click();
  const row = page.getByRole("row", { name: /Huisartsen en apothekers Katwijk/ });
  await expect(row.getByRole("link", { name: "Marloes Verbeek" })).toBeVisible();
  await expect(row.getByRole("link", { name: "besluit-ledenvergadering.pdf" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Ouderenzorg en wijkverpleging/ })).toHaveCount(2);
  await axeClean(page);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Exporteer Excel" }).click();
  expect((await download).suggestedFilename()).toMatch(/^mandaten-.*\.xlsx$/);
  await page.goto("/organisaties");
  await page.getByLabel("Zoek op naam, plaats, AGB of KvK").fill("Apotheek Katwijk");
  await page.getByRole("link", { name: "Apotheek Katwijk" }).click();
  const speaksForUs = page.getByRole("region", { name: "Wie spreekt namens ons" });
  await expect(speaksForUs.getByRole("link", { name: "Marloes Verbeek" })).toBeVisible();
  await axeClean(page);

  // Back on the list the diëtisten are no longer listed as vacant; the logopedisten are.
  await page.getByRole("link", { name: "Organen" }).click();
  await expect(attention.getByText("Lid namens Logopedist")).toBeVisible();
  await expect(attention.getByText("Lid namens Diëtistennetwerk Holland Rijnland")).toBeHidden();
  await expect(attention.getByText(/Iris Kuipers/)).toBeHidden();

  // A new body opens on its own page, ready for its seats.
  await page.getByRole("button", { name: "Orgaan instellen" }).click();
  const bodyForm = page.getByRole("form", { name: "Orgaan instellen" });
  await bodyForm.getByRole("textbox", { name: "Naam" }).fill("Adviesraad Ouderenzorg");
  // Its decisions get their own code; what is typed becomes capitals.
  const code = bodyForm.getByRole("textbox", { name: "Code in besluitnummers" });
  await code.fill("aro");
  await expect(code).toHaveValue("ARO");
  await bodyForm.getByRole("button", { name: "Orgaan instellen" }).click();
  await expect(bodyForm.getByText("Vul dit veld in")).toBeVisible();
  await choose(bodyForm.getByRole("combobox", { name: "Soort orgaan" }), "Adviesraad");
  await bodyForm.getByRole("button", { name: "Orgaan instellen" }).click();
  await expect(page.getByRole("heading", { name: "Adviesraad Ouderenzorg" })).toBeVisible();
  await expect(page.getByText(/0 van 0 zetels bezet/)).toBeVisible();

  // A seat added by mistake can go again, as long as nobody held it.
  await page.getByRole("button", { name: "Zetel toevoegen" }).click();
  await page
    .getByRole("form", { name: "Zetel toevoegen" })
    .getByRole("button", { name: "Zetel toevoegen" })
    .click();
  await expect(page.getByText(/0 van 1 zetels bezet/)).toBeVisible();
  await page.getByRole("button", { name: /^Zetel .+ verwijderen$/ }).click();
  await expect(page.getByText("Zetel verwijderd")).toBeVisible();
  await expect(page.getByText(/0 van 0 zetels bezet/)).toBeVisible();
  await axeClean(page);

  // A seat somebody held cannot go, but it can be abolished as of a date: the term ends the day before.
  await page.getByRole("button", { name: "Zetel toevoegen" }).click();
  await page
    .getByRole("form", { name: "Zetel toevoegen" })
    .getByRole("button", { name: "Zetel toevoegen" })
    .click();
  await page.getByRole("button", { name: /^Benoemen op zetel / }).click();
  const appointHere = page.getByRole("form", { name: /^Benoemen op zetel / });
  await appointHere.getByLabel("Ingangsdatum").fill(iso(-30));
  await choose(appointHere.getByRole("combobox", { name: "Bezet door" }), "Naima Boukhari", {
    search: "Boukhari",
  });
  await appointHere.getByRole("button", { name: "Benoemen" }).click();
  await expect(page.getByText(/1 van 1 zetels bezet/)).toBeVisible();
  await expect(page.getByRole("button", { name: /^Zetel .+ verwijderen$/ })).toHaveCount(0);
  await page.getByRole("button", { name: /^Zetel .+ opheffen$/ }).click();
  const abolish = page.getByRole("form", { name: /^Zetel .+ opheffen$/ });
  await abolish.getByLabel("Opgeheven per").fill(iso(1));
  await axeClean(page);
  await abolish.getByRole("button", { name: "Opheffen" }).click();
  await expect(page.getByText(/opgeheven per/)).toBeVisible();
  await expect(page.getByRole("button", { name: /^Zetel .+ opheffen$/ })).toHaveCount(0);
});

test("a member sees who sits where, without the bureau's buttons", async ({ browser }) => {
  const page = await newPage(browser, { width: 360, height: 740 });
  await logIn(page, "lid@zhn.demo");
  // At 360 px the menu is behind its button.
  await page.getByRole("button", { name: "Menu openen of sluiten" }).click();
  await page.getByRole("link", { name: "Organen" }).click();
  await expect(page.getByRole("heading", { name: "Organen", level: 2 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Orgaan instellen" })).toHaveCount(0);
  await page.getByRole("link", { name: "Stuurgroep", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Stuurgroep" })).toBeVisible();
  await expect(page.getByRole("cell", { name: /Voorzitter namens/ })).toBeVisible();
  await expect(page.getByRole("button", { name: /Benoemen/ })).toHaveCount(0);
  await axeClean(page);
});
