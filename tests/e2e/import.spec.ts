import { expect, test } from "@playwright/test";
import { axeClean, logIn, newPage } from "./helpers";

const HEADER = "Naam;Soort;Straat;Huisnummer;Postcode;Plaats;AGB-code;Gemeente;Valt onder";
const GOOD = [
  "Huisartsenpraktijk Het Duin;Huisartsenpraktijk;Duinweg;3;2224 AB;Katwijk;01999001;Katwijk;WSV Katwijk",
  "Fysiotherapie De Branding;Fysiotherapie;Boulevard;12;2225 HA;Katwijk;04999002;Katwijk;WSV Katwijk",
];

test("the bureau imports a practices file, fixes its errors, imports it, and undoes the run", async ({
  browser,
}) => {
  const page = await newPage(browser);
  page.on("dialog", (dialog) => dialog.accept());
  await logIn(page, "medewerker@zhn.demo");
  await page.getByRole("link", { name: "Organisaties" }).click();
  await page.getByRole("link", { name: "Importeren" }).click();
  await expect(page.getByRole("heading", { name: "Importeren" })).toBeVisible();
  await expect(page.getByRole("radio", { name: "Organisaties" })).toBeChecked();

  const upload = async (lines: string[]) => {
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Bestand (CSV of xlsx)" }).click();
    const buffer = Buffer.from([HEADER, ...lines].join("\r\n"), "latin1");
    await (await chooser).setFiles({ name: "praktijken.csv", mimeType: "text/csv", buffer });
    await page.getByRole("button", { name: "Bestand controleren" }).click();
  };

  // The first file: a wrong postcode, and a practice Regiotafel already has (same AGB-code).
  await upload([
    ...GOOD,
    "Apotheek Zeezicht;Apotheek;;;0123 AB;Katwijk;;;",
    "Dubbele praktijk;Huisartsenpraktijk;;;;;01100173;;",
  ]);
  await expect(page.getByText(/4 rijen gelezen, waarvan 2 goed/)).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Kolom voor Postcode" })).toHaveValue("Postcode");
  const errors = page.getByRole("table", { name: "2 rijen met een fout" });
  await expect(errors.getByRole("row", { name: /^4 Postcode Vul een postcode in/ })).toBeVisible();
  await expect(errors.getByRole("row", { name: /^5 AGB-code Bestaat al/ })).toBeVisible();
  await axeClean(page);
  await page.getByRole("radio", { name: "Importeer niets zolang er een fout is" }).check();
  await page.getByRole("button", { name: "Importeren" }).click();
  await expect(page.getByText(/Niets geïmporteerd: 2 rijen hebben een fout/)).toBeVisible();

  // Fixed: the postcode corrected, the duplicate left out.
  await upload([...GOOD, "Apotheek Zeezicht;Apotheek;;;2223 AB;Katwijk;;;"]);
  await expect(page.getByText(/3 rijen gelezen, waarvan 3 goed/)).toBeVisible();
  await expect(page.getByText("Geen fouten gevonden.")).toBeVisible();
  await page.getByRole("button", { name: "Importeren" }).click();
  await expect(page.getByText("Klaar: 3 rijen geïmporteerd.")).toBeVisible();
  await axeClean(page);

  const history = page.getByRole("row", { name: /Organisaties praktijken\.csv .* geïmporteerd 3/ });
  await history.getByRole("button", { name: "Ongedaan maken" }).click();
  await expect(page.getByText("Import ongedaan gemaakt: 3 rijen verwijderd")).toBeVisible();
  await page.getByRole("link", { name: "Organisaties" }).click();
  await page.getByLabel("Zoek op naam, plaats, AGB of KvK").fill("Het Duin");
  await expect(page.getByText("0 organisaties")).toBeVisible();
});

test("the bureau reads one ledenlijst as people and then as where they work", async ({ browser }) => {
  const page = await newPage(browser);
  page.on("dialog", (dialog) => dialog.accept());
  await logIn(page, "medewerker@zhn.demo");
  await page.getByRole("link", { name: "Personen" }).click();
  await page.getByRole("link", { name: "Importeren" }).click();
  await expect(page.getByRole("radio", { name: "Personen" })).toBeChecked();

  const ledenlijst = [
    "Voornaam;Achternaam;Discipline;BIG-nummer;Praktijk;Functie;FTE;In dienst",
    "Lotte;Zeewind;Huisarts;39912345601;Huisartsenpraktijk Katwijk Centrum;Huisarts;0,6;01-02-2024",
    "Mees;Strand;POH-GGZ;39912345602;Huisartsenpraktijk Katwijk Centrum;POH-GGZ;0,4;01-03-2024",
    "Noor;Duin;Bakker;;;;;",
  ].join("\r\n");
  const upload = async () => {
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Bestand (CSV of xlsx)" }).click();
    await (await chooser).setFiles({
      name: "ledenlijst.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(ledenlijst, "utf8"),
    });
    await page.getByRole("button", { name: "Bestand controleren" }).click();
  };

  await upload();
  await expect(page.getByText(/3 rijen gelezen, waarvan 2 goed/)).toBeVisible();
  await expect(
    page
      .getByRole("table", { name: "1 rijen met een fout" })
      .getByRole("row", { name: /^4 Discipline Onbekende discipline/ }),
  ).toBeVisible();
  await page.getByRole("button", { name: "Importeren" }).click();
  await expect(page.getByText("Klaar: 2 rijen geïmporteerd.")).toBeVisible();

  // The same file again, now as work relations: the person by BIG number, the practice by name.
  await page.getByRole("radio", { name: "Werkrelaties" }).check();
  await expect(page).toHaveURL(/soort=werkrelaties/);
  await upload();
  await expect(page.getByRole("combobox", { name: /Kolom voor Persoon/ })).toHaveValue("BIG-nummer");
  await expect(page.getByText(/3 rijen gelezen, waarvan 2 goed/)).toBeVisible();
  await axeClean(page);
  await page.getByRole("button", { name: "Importeren" }).click();
  await expect(page.getByText("Klaar: 2 rijen geïmporteerd.")).toBeVisible();

  await page.getByRole("link", { name: "Personen" }).click();
  await page.getByLabel("Zoek op naam, e-mail, BIG of AGB").fill("Zeewind");
  await page.getByRole("link", { name: "Lotte Zeewind" }).click();
  await expect(page.getByText("Huisartsenpraktijk Katwijk Centrum")).toBeVisible();

  // Undone in order: first where they work, then the people themselves.
  await page.goBack();
  await page.goBack();
  for (const what of ["Werkrelaties", "Personen"]) {
    const run = page.getByRole("row", { name: new RegExp(`${what} ?ledenlijst\\.csv`) });
    await run.getByRole("button", { name: "Ongedaan maken" }).click();
    await expect(run).toContainText("ongedaan gemaakt");
  }
});
