import { expect, test } from "@playwright/test";
import * as OTPAuth from "otpauth";
import { startMailbox } from "../support/mailbox";
import { axeClean, choose, logIn, newPage } from "./helpers";

let mailbox: Awaited<ReturnType<typeof startMailbox>>;
test.beforeAll(async () => {
  mailbox = await startMailbox();
});
test.afterAll(async () => {
  await mailbox.close();
});

test("a beheerder invites someone by e-mail, changes the role, and the logboek shows it", async ({
  browser,
}) => {
  const page = await newPage(browser);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Inloggen bij Regiotafel" })).toBeVisible();
  await axeClean(page);

  await logIn(page, "beheerder@zhn.demo");
  await expect(page.getByRole("heading", { name: "Overzicht" })).toBeVisible();
  await expect(page.getByText("Zuid-Holland Noord")).toBeVisible();
  await axeClean(page);

  await page.getByRole("link", { name: "Gebruikers" }).click();
  await expect(page.getByRole("heading", { name: "Gebruikers" })).toBeVisible();
  const invite = page.getByRole("form", { name: "Iemand uitnodigen" });
  await invite.getByLabel("Naam").fill("Karin de Wit");
  await invite.getByLabel("E-mail").fill("karin.dewit@example.org");
  await invite.getByRole("button", { name: "Uitnodiging versturen" }).click();
  await expect(page.getByText("Uitnodiging verstuurd naar karin.dewit@example.org")).toBeVisible();
  await axeClean(page);

  // The invitation arrives at a real SMTP peer; the invitee follows its link.
  const mail = await mailbox.waitFor("karin.dewit@example.org", /Uitnodiging voor Regiotafel/);
  const invitee = await newPage(browser);
  await invitee.goto(mailbox.linkIn(mail, "/uitnodiging/"));
  await axeClean(invitee);
  await invitee.getByLabel("Nieuw wachtwoord").fill("karins-wachtwoord");
  await invitee.getByRole("button", { name: "Account activeren" }).click();
  await expect(invitee.getByText("Welkom, Karin de Wit")).toBeVisible();
  await expect(invitee.getByRole("link", { name: "Gebruikers" })).toHaveCount(0);

  // The E-mail page lists it as sent.
  await page.getByRole("link", { name: "E-mail" }).click();
  await expect(
    page.getByRole("button", { name: /Uitnodiging voor Regiotafel.*karin.dewit.*verzonden/ }),
  ).toBeVisible();
  await axeClean(page);

  // Role change: Karin becomes bestuur.
  await page.getByRole("link", { name: "Gebruikers" }).click();
  await page.getByLabel("Zoek op naam of e-mail").fill("karin");
  await expect(page.getByText("1 gebruikers")).toBeVisible();
  await choose(page.getByRole("combobox", { name: "Rol van Karin de Wit" }), "Bestuur");
  await expect(page.getByText("Opgeslagen")).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Rol van Karin de Wit" })).toHaveValue("Bestuur");

  // Logboek, filtered on the person who acted, and exported.
  await page.getByRole("link", { name: "Logboek" }).click();
  await expect(page.getByRole("cell", { name: "invite" }).first()).toBeVisible();
  await choose(page.getByRole("combobox", { name: "Persoon" }), /Karin de Wit/, { search: "Karin" });
  await expect(page.getByRole("cell", { name: "accept_invitation" }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "invite", exact: true })).toHaveCount(0);
  await axeClean(page);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Exporteer CSV" }).click();
  expect((await download).suggestedFilename()).toMatch(/^logboek-.*\.csv$/);
});

test("someone who forgot the password resets it through the e-mailed link", async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto("/inloggen");
  await page.getByRole("link", { name: "Wachtwoord vergeten?" }).click();
  // The login page has an e-mail field too: wait for the new page before typing.
  await expect(page.getByRole("heading", { name: "Wachtwoord vergeten" })).toBeVisible();
  await page.getByLabel("E-mailadres").fill("projectleider@zhn.demo");
  await page.getByRole("button", { name: "Stuur de link" }).click();
  await expect(page.getByText("Als het adres bekend is, is de link verstuurd")).toBeVisible();
  await axeClean(page);

  const mail = await mailbox.waitFor("projectleider@zhn.demo", /wachtwoord/i);
  await page.goto(mailbox.linkIn(mail, "/wachtwoord-herstellen/"));
  await page.getByLabel("Nieuw wachtwoord").fill("een-nieuw-wachtwoord");
  await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
  await expect(page.getByText("Uw wachtwoord is gewijzigd")).toBeVisible();
  await axeClean(page);

  await logIn(page, "projectleider@zhn.demo", "een-nieuw-wachtwoord");
  await expect(page.getByRole("heading", { name: "Overzicht" })).toBeVisible();
});

test("a wijkcoördinator turns on two-step login and then needs the code", async ({ browser }) => {
  const page = await newPage(browser);
  await logIn(page, "wijkcoordinator@zhn.demo");
  await page.getByRole("link", { name: "Mijn profiel" }).click();
  await page.getByRole("button", { name: "Instellen" }).click();
  await expect(page.getByRole("img", { name: "QR-code voor uw authenticator-app" })).toBeVisible();
  await axeClean(page);
  const secret = (await page.getByTestId("totp-secret").innerText()).trim();
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) });
  await page.getByLabel("Code uit de app (6 cijfers)").fill(totp.generate());
  await page.getByRole("button", { name: "Aanzetten" }).click();
  await expect(page.getByText("Staat aan: bij het inloggen")).toBeVisible();

  const again = await newPage(browser);
  await logIn(again, "wijkcoordinator@zhn.demo");
  await again.getByLabel("Code uit uw authenticator-app").fill(totp.generate());
  await again.getByRole("button", { name: "Inloggen" }).click();
  await expect(again.getByRole("heading", { name: "Overzicht" })).toBeVisible();
});

test("the language switches to English and back", async ({ browser }) => {
  const page = await newPage(browser);
  await logIn(page, "partner@zhn.demo");
  await expect(page.getByRole("heading", { name: "Overzicht" })).toBeVisible();
  // A partner sees no beheer pages.
  await expect(page.getByRole("link", { name: "Gebruikers" })).toHaveCount(0);
  await page.getByText("EN", { exact: true }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await axeClean(page);
  await page.getByText("NL", { exact: true }).click();
  await expect(page.getByRole("heading", { name: "Overzicht" })).toBeVisible();
});
