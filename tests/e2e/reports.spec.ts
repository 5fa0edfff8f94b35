import { expect, test } from "@playwright/test";
import { startMailbox } from "../support/mailbox";
import { axeClean, choose, logIn, newPage } from "./helpers";

let mailbox: Awaited<ReturnType<typeof startMailbox>>;
test.beforeAll(async () => {
  mailbox = await startMailbox();
});
test.afterAll(async () => {
  await mailbox.close();
});

test("the bureau requests progress reports by e-mail, the projectleider writes hers from the e-mailed link, and the regional report shows the lights", async ({
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

  // Ellen gets an account as projectleider; she accepts the invitation and follows the request's link.
  const admin = await newPage(browser);
  await logIn(admin, "beheerder@zhn.demo");
  await admin.getByRole("link", { name: "Gebruikers" }).click();
  const invite = admin.getByRole("form", { name: "Iemand uitnodigen" });
  await invite.getByLabel("Naam").fill("Ellen de Ruiter");
  await invite.getByLabel("E-mail").fill("ellen.deruiter@eerstelijn-zhn.example.nl");
  await choose(invite.getByRole("combobox", { name: "Rol" }), "Projectleider");
  await invite.getByRole("button", { name: "Uitnodiging versturen" }).click();
  const invitation = await mailbox.waitFor(
    "ellen.deruiter@eerstelijn-zhn.example.nl",
    /Uitnodiging voor Regiotafel/,
  );
  const leader = await newPage(browser);
  await leader.goto(mailbox.linkIn(invitation, "/uitnodiging/"));
  await leader.getByLabel("Nieuw wachtwoord").fill("ellens-wachtwoord");
  await leader.getByRole("button", { name: "Account activeren" }).click();
  await expect(leader.getByText("Welkom, Ellen de Ruiter")).toBeVisible();
  await leader.goto(mailbox.linkIn(mail, "/voortgang/"));
  await expect(leader.getByRole("heading", { name: "Voortgang 2026-Q4", level: 2 })).toBeVisible();
  // She writes the report of her own project, and no other.
  const own = leader.getByRole("article", { name: "Valpreventie Katwijk" });
  await own.getByRole("button", { name: "Rapportage voor Valpreventie Katwijk" }).click();
  await expect(leader.getByRole("button", { name: /^Rapportage voor / })).toHaveCount(0);
  const write = leader.getByRole("form", { name: "Rapportage voor Valpreventie Katwijk" });
  await write.getByRole("radio", { name: "Oranje" }).check();
  await write
    .getByRole("textbox", { name: "Wat is er bereikt" })
    .fill("Eerste oefengroep draait; de tweede start in maart.");
  await write.getByRole("textbox", { name: "Risico's" }).fill("Weinig aanmeldingen uit Katwijk aan den Rijn");
  await axeClean(leader);
  await write.getByRole("button", { name: "Rapportage opslaan" }).click();
  await expect(own.getByText("Oranje", { exact: true })).toBeVisible();

  // The bureau sees it come in.
  await page.reload();
  const report = page.getByRole("article", { name: "Valpreventie Katwijk" });
  await expect(report).toContainText("ingevuld door Ellen de Ruiter");
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
