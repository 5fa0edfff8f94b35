import { expect, test } from "@playwright/test";
import { startMailbox } from "../support/mailbox";
import { axeClean, logIn, newPage } from "./helpers";

let mailbox: Awaited<ReturnType<typeof startMailbox>>;
test.beforeAll(async () => {
  mailbox = await startMailbox();
});
test.afterAll(async () => {
  await mailbox.close();
});

test("the bureau requests progress reports by e-mail, a report is written, and the regional report shows the lights", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await newPage(browser);
  await logIn(page, "medewerker@zhn.demo");
  await page.getByRole("link", { name: "Voortgang" }).click();
  await expect(page.getByRole("heading", { name: "Voortgangsrapportages", level: 2 })).toBeVisible();
  await page.getByRole("button", { name: "Rapportageronde openen" }).click();
  const form = page.getByRole("form", { name: "Rapportageronde openen" });
  await form.getByRole("textbox", { name: "Periode" }).fill("2026-Q4");
  await form.getByLabel("Uiterlijk").fill("2027-01-15");
  await axeClean(page);
  await form.getByRole("button", { name: "Rapportages opvragen" }).click();
  await expect(page.getByRole("heading", { name: "Voortgang 2026-Q4", level: 2 })).toBeVisible();

  // The leader of the fall prevention project is asked by e-mail.
  const mail = await mailbox.waitFor(
    "ellen.deruiter@eerstelijn-zhn.example.nl",
    /Voortgangsrapportage 2026-Q4: Valpreventie Katwijk/,
  );
  expect(mail.text).toContain("/voortgang/");

  // The report is written (here by the bureau, on the leader's word).
  const report = page.getByRole("article", { name: "Valpreventie Katwijk" });
  await report.getByRole("button", { name: "Rapportage voor Valpreventie Katwijk" }).click();
  const write = page.getByRole("form", { name: "Rapportage voor Valpreventie Katwijk" });
  await write.getByRole("radio", { name: "Oranje" }).check();
  await write
    .getByRole("textbox", { name: "Wat is er bereikt" })
    .fill("Eerste oefengroep draait; de tweede start in maart.");
  await write.getByRole("textbox", { name: "Risico's" }).fill("Weinig aanmeldingen uit Katwijk aan den Rijn");
  await axeClean(page);
  await write.getByRole("button", { name: "Rapportage opslaan" }).click();
  await expect(report.getByText("Oranje", { exact: true })).toBeVisible();
  await expect(report).toContainText("Weinig aanmeldingen");
  const perProgramme = page.getByRole("table", { name: "Per programma" });
  await expect(perProgramme.getByRole("row", { name: /^Kwetsbare ouderen 0 1 0 / })).toBeVisible();
  await expect(page.getByText(/1 van \d+ rapportages binnen/)).toBeVisible();
  await axeClean(page);
  // The regional report as PDF, for the stuurgroep and the zorgverzekeraar.
  const pdfLink = page.getByRole("link", { name: "Regionale rapportage als PDF" });
  const pdf = await page.request.get((await pdfLink.getAttribute("href"))!);
  expect([pdf.status(), pdf.headers()["content-type"]]).toEqual([200, "application/pdf"]);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
});
