import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Page, test } from "@playwright/test";

async function axeClean(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(
    result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

async function newPage(browser: Browser) {
  // axe needs pages from a fresh context.
  const context = await browser.newContext();
  return context.newPage();
}

test("a beheerder logs in, invites someone, the invitee accepts, and the logboek shows it", async ({
  browser,
}) => {
  const page = await newPage(browser);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Inloggen bij Regiotafel" })).toBeVisible();
  await axeClean(page);

  await page.getByLabel("E-mailadres").fill("beheerder@zhn.demo");
  await page.locator("input[type=password]").fill("regiotafel-demo");
  await page.getByRole("button", { name: "Inloggen" }).click();
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

  // Without SMTP, the mail is kept and readable by beheerders.
  await page.getByRole("link", { name: "E-mail" }).click();
  await page
    .getByRole("button", { name: /Uitnodiging voor Regiotafel/ })
    .first()
    .click();
  const mailText = await page.locator("pre").first().innerText();
  const link = mailText.match(/http\S+\/uitnodiging\/\S+/)?.[0];
  expect(link).toBeTruthy();
  await axeClean(page);

  await page.getByRole("link", { name: "Logboek" }).click();
  await expect(page.getByRole("cell", { name: "invite" }).first()).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Exporteer CSV" }).click();
  expect((await download).suggestedFilename()).toMatch(/^logboek-.*\.csv$/);
  await axeClean(page);

  const invitee = await newPage(browser);
  await invitee.goto(new URL(link!).pathname);
  await invitee.getByLabel("Nieuw wachtwoord").fill("karins-wachtwoord");
  await invitee.getByRole("button", { name: "Account activeren" }).click();
  await expect(invitee.getByText("Welkom, Karin de Wit")).toBeVisible();
  await axeClean(invitee);
});

test("the language switches to English and back", async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto("/inloggen");
  await page.getByLabel("E-mailadres").fill("lid@zhn.demo");
  await page.locator("input[type=password]").fill("regiotafel-demo");
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByRole("heading", { name: "Overzicht" })).toBeVisible();
  // A member sees no beheer pages.
  await expect(page.getByRole("link", { name: "Gebruikers" })).toHaveCount(0);
  await page.getByText("EN", { exact: true }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await axeClean(page);
});
