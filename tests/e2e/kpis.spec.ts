import { expect, test } from "@playwright/test";
import { axeClean, choose, logIn, newPage } from "./helpers";

test("the bureau defines an indicator, enters measurements, sees the chart and imports more from a file", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const name = `Gebruik digitale consulten ${Date.now()}`;
  const page = await newPage(browser);
  await logIn(page, "medewerker@zhn.demo");
  await page.getByRole("link", { name: "Indicatoren" }).click();
  // The demo plan's indicators, each with where it stands.
  await expect(page.getByRole("row", { name: /Verloop huisartsen en POH's .* Op koers/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /proactief zorgplan .* Achter/ })).toBeVisible();
  await axeClean(page);

  await page.getByRole("button", { name: "Nieuwe indicator" }).click();
  const form = page.getByRole("form", { name: "Nieuwe indicator" });
  await form.getByRole("textbox", { name: "Indicator", exact: true }).fill(name);
  await choose(form.getByRole("combobox", { name: "Resultaatgebied" }), "Digitale zorg in elke praktijk");
  await form.getByRole("textbox", { name: "Eenheid" }).fill("%");
  await form.getByRole("textbox", { name: "Nulmeting" }).fill("10");
  await form.getByRole("textbox", { name: "Streefwaarde" }).fill("40");
  await form.getByRole("button", { name: "Indicator vastleggen" }).click();
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name, level: 2 })).toBeVisible();
  await expect(page.getByText("Geen meting", { exact: true })).toBeVisible();

  // A period outside the plan is refused at its field; then two quarters are measured.
  const measure = async (period: string, value: string, scope?: { wijk?: string; wsv?: string }) => {
    await page.getByRole("button", { name: "Meting vastleggen" }).click();
    const m = page.getByRole("form", { name: "Meting vastleggen" });
    await m.getByRole("textbox", { name: "Periode" }).fill(period);
    await m.getByRole("textbox", { name: "Waarde in %" }).fill(value);
    if (scope?.wijk) await choose(m.getByRole("combobox", { name: "Wijk" }), scope.wijk);
    if (scope?.wsv) await choose(m.getByRole("combobox", { name: "WSV" }), scope.wsv, { search: scope.wsv });
    await m.getByRole("button", { name: "Meting vastleggen" }).click();
    return m;
  };
  const outside = await measure("2031", "12");
  await expect(outside.getByText("Deze periode valt buiten de jaren van het regioplan")).toBeVisible();
  await outside.getByRole("button", { name: "Annuleren" }).click();
  await measure("2025", "14");
  await expect(page.getByText("De meting is vastgelegd")).toBeVisible();
  await measure("2026-Q3", "30");
  await expect(page.getByText("Op koers", { exact: true })).toBeVisible();
  await expect(
    page.getByRole("img", { name: "Lijngrafiek: 2025: 14, 2026-Q3: 30; streefwaarde 40 %" }),
  ).toBeVisible();
  await expect(page.getByRole("table", { name: "Alle metingen" }).getByRole("row")).toHaveCount(3);

  // The same quarter for a wijk and for a WSV (one of the two, not both), shown side by side.
  const both = await measure("2026-Q3", "25", { wijk: "Katwijk aan Zee (WK053700)", wsv: "WSV Oegstgeest" });
  await expect(both.getByText("Kies een wijk of een WSV, niet allebei")).toBeVisible();
  await both.getByRole("button", { name: "Annuleren" }).click();
  await measure("2026-Q3", "25", { wijk: "Katwijk aan Zee (WK053700)" });
  await expect(page.getByRole("row", { name: /2026-Q3 Katwijk aan Zee 25/ })).toBeVisible();
  await measure("2026-Q3", "35", { wsv: "WSV Oegstgeest" });
  await expect(
    page.getByRole("img", {
      name: "Staafgrafiek per wijk en WSV: WSV Oegstgeest: 35, Katwijk aan Zee: 25 (%)",
    }),
  ).toBeVisible();
  await expect(page.getByRole("row", { name: /2026-Q3 WSV Oegstgeest 35/ })).toBeVisible();
  await axeClean(page);

  // More from a spreadsheet: one bad row is named; the good row is imported.
  await page.getByRole("link", { name: "Indicatoren" }).click();
  const csv = Buffer.from(
    `indicator;periode;waarde;eenheid\n${name};2026-Q4;33,5;%\n${name};2026-Q4;veel;%\n`,
  );
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Bestand (CSV of xlsx)" }).click();
  await (await chooser).setFiles({ name: "metingen.csv", mimeType: "text/csv", buffer: csv });
  await page.getByRole("button", { name: "Bestand controleren" }).click();
  await expect(page.getByText("2 rijen gelezen, waarvan 1 goed; er is nog niets ingelezen.")).toBeVisible();
  await expect(page.getByRole("row", { name: /3 waarde Geen getal/ })).toBeVisible();
  await axeClean(page);
  await page.getByRole("button", { name: "Importeer de 1 goede rijen" }).click();
  await expect(page.getByText("Geïmporteerd: 1 van 2 rijen.")).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(`${name} .* 33,5 % \\(2026-Q4\\)`) })).toBeVisible();
});
