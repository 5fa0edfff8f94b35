import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { axeClean, logIn, newPage } from "./helpers";

// The demo practices file, as a zorggroep would send it: Excel on Windows, `;`, Windows-1252,
// with a wrong postcode, a kind the field has no word for, and a practice the region already has.
const DEMO_FILE = readFileSync("docs/voorbeelden/praktijken-zorggroep.csv").toString("latin1");

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

  const upload = async (text: string) => {
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Bestand (CSV of xlsx)" }).click();
    const buffer = Buffer.from(text, "latin1");
    await (await chooser).setFiles({ name: "praktijken.csv", mimeType: "text/csv", buffer });
    await page.getByRole("button", { name: "Bestand controleren" }).click();
  };

  await upload(DEMO_FILE);
  await expect(page.getByText(/7 rijen gelezen, waarvan 4 goed/)).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Kolom voor Postcode" })).toHaveValue("Postcode");
  const errors = page.getByRole("table", { name: "3 rijen met een fout" });
  await expect(errors.getByRole("row", { name: /^4 Postcode Vul een postcode in/ })).toBeVisible();
  await expect(errors.getByRole("row", { name: /^6 Soort Onbekende soort/ })).toBeVisible();
  await expect(errors.getByRole("row", { name: /^7 AGB-code Bestaat al/ })).toBeVisible();
  await axeClean(page);
  await page.getByRole("radio", { name: "Importeer niets zolang er een fout is" }).check();
  await page.getByRole("button", { name: "Importeren" }).click();
  await expect(page.getByText(/Niets geïmporteerd: 3 rijen hebben een fout/)).toBeVisible();

  // Fixed as the bureau would in Excel: the postcode corrected, the tandarts as "Overig", the
  // practice the region already has left out.
  const fixed = DEMO_FILE.replace("0123 AB", "2223 AB")
    .replace(";Tandarts;", ";Overig;")
    .split("\r\n")
    .filter((line) => !line.includes("01100173"))
    .join("\r\n");
  await upload(fixed);
  await expect(page.getByText(/6 rijen gelezen, waarvan 6 goed/)).toBeVisible();
  await expect(page.getByText("Geen fouten gevonden.")).toBeVisible();
  await page.getByRole("button", { name: "Importeren" }).click();
  await expect(page.getByText("Klaar: 6 rijen geïmporteerd.")).toBeVisible();
  await axeClean(page);

  const history = page.getByRole("row", { name: /Organisaties praktijken\.csv .* geïmporteerd 6/ });
  await history.getByRole("button", { name: "Ongedaan maken" }).click();
  await expect(page.getByText("Import ongedaan gemaakt: 6 rijen verwijderd")).toBeVisible();
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
