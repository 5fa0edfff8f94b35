import { expect, test } from "@playwright/test";
import { axeClean, choose, logIn, newPage } from "./helpers";

test("the bureau reads the werkgebied, imports CBS figures with a bad row, and sets a WSV's wijken", async ({
  browser,
}) => {
  const page = await newPage(browser);
  await logIn(page, "medewerker@zhn.demo");
  await page.getByRole("link", { name: "Werkgebied" }).click();
  await expect(page.getByRole("heading", { name: "Werkgebied", level: 2 })).toBeVisible();
  const leiden = page.getByRole("heading", { name: /^Leiden GM0546/ });
  await expect(leiden).toBeVisible();
  await expect(page.getByRole("row", { name: /Merenwijk WK054608/ }).getByRole("link")).toHaveText(
    "WSV Merenwijk",
  );
  await axeClean(page);

  await page.getByLabel("Zoek een wijk, code of WSV").fill("stevenshof");
  await expect(page.getByRole("row", { name: /Stevenshof/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /Merenwijk/ })).toHaveCount(0);
  await page.getByLabel("Zoek een wijk, code of WSV").fill("");

  // New figures for 2025, saved by Excel on Windows; one row is for a gemeente outside the region.
  const csv = Buffer.from(
    "Codering;Wijken en buurten;Aantal inwoners\r\nWK054608;Merenwijk;15.480\r\nWK036300;Centrum;85000\r\n",
    "latin1",
  );
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Bestand (CSV of xlsx)" }).click();
  await (await chooser).setFiles({ name: "kwb-2025.csv", mimeType: "text/csv", buffer: csv });
  await page.getByRole("textbox", { name: "Jaar" }).fill("2025");
  await page.getByRole("button", { name: "Bestand controleren" }).click();
  await expect(page.getByText(/2 rijen gelezen, waarvan 1 goed/)).toBeVisible();
  const errors = page.getByRole("table", { name: "1 rijen met een fout" });
  await expect(
    errors.getByRole("row", { name: /3 Codering Deze gemeente hoort niet bij het werkgebied/ }),
  ).toBeVisible();
  await axeClean(page);
  await page.getByRole("button", { name: "Importeer de 1 goede rijen" }).click();
  await expect(page.getByText(/Geïmporteerd: 1 van 2 rijen/)).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Jaar" })).toHaveValue("2025");
  await expect(page.getByRole("row", { name: /Merenwijk WK054608 15\.480/ })).toBeVisible();

  // WSV Merenwijk also takes on Stevenshof.
  await page
    .getByRole("row", { name: /Merenwijk WK054608/ })
    .getByRole("link", { name: "WSV Merenwijk" })
    .click();
  await expect(page.getByRole("heading", { name: "Wijken die dit WSV dekt" })).toBeVisible();
  await expect(page.getByText("1 wijken, samen 15.480 inwoners (2025)")).toBeVisible();
  await choose(page.getByRole("combobox", { name: "Wijken" }), /Stevenshof/, { search: "Stevens" });
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Wijken opslaan" }).click();
  await expect(page.getByText(/2 wijken, samen/)).toBeVisible();
  await axeClean(page);
});
