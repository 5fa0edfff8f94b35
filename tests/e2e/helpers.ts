import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Locator, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "regiotafel-demo";
// The journeys share one demo region. A journey that changes an account for good (password reset:
// projectleider; TOTP: wijkcoordinator) owns that account; no other journey logs in with it.

/** axe at WCAG 2.1 AA on the page as it is now: zero violations. */
export async function axeClean(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(
    result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

/** A page in a fresh context (axe needs one; it also keeps each person's cookies apart). */
export async function newPage(browser: Browser, viewport?: { width: number; height: number }) {
  // Reduced motion: no fading notifications or menus, so axe never measures a colour mid-fade.
  const context = await browser.newContext({ reducedMotion: "reduce", ...(viewport ? { viewport } : {}) });
  return context.newPage();
}

export async function logIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/inloggen");
  await page.getByLabel("E-mailadres").fill(email);
  await page.locator("input[type=password]").fill(password);
  await page.getByRole("button", { name: "Inloggen" }).click();
}

/**
 * Pick an option of a Mantine Select or MultiSelect: type `search` into it (server-searched lists)
 * or open it by clicking, then click the (first) option with that name. A dropdown whose input has
 * been pushed out of view (a section above it finished loading) is hidden by its positioning
 * (floating-ui's hide); scrolling the input back into view shows it again, as a person would.
 */
export async function choose(
  combobox: Locator,
  name: string | RegExp,
  { search, exact }: { search?: string; exact?: boolean } = {},
) {
  if (search === undefined) await combobox.click();
  else await combobox.fill(search);
  const option = combobox.page().getByRole("option", { name, exact }).first();
  await expect(async () => {
    await combobox.scrollIntoViewIfNeeded();
    await expect(option).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await option.click();
}
