import { expect, test } from "@playwright/test";
import { axeClean, choose, logIn, newPage } from "./helpers";

test("a partner searches the sociale kaart with a typo, filters, and groups by wijk", async ({ browser }) => {
  const page = await newPage(browser);
  await logIn(page, "partner@zhn.demo");
  await page.getByRole("link", { name: "Sociale kaart" }).click();
  await expect(page.getByRole("heading", { name: "Sociale kaart", level: 2 })).toBeVisible();
  await expect(page.getByRole("switch", { name: /Openbare sociale kaart/ })).toHaveCount(0);
  await page.getByRole("searchbox", { name: "Zoeken" }).fill("fysioterapie Katwjk");
  await expect(page.getByRole("article").first()).toHaveAccessibleName("Fysiotherapie Katwijk");
  await axeClean(page);

  await page.getByRole("searchbox", { name: "Zoeken" }).fill("");
  await choose(page.getByRole("combobox", { name: "Discipline" }), "Huisarts", { exact: true });
  await choose(page.getByRole("combobox", { name: "Gemeente" }), "Leiden", { search: "Leiden", exact: true });
  await expect(page.getByText(/^\d+ gevonden$/)).not.toHaveText("0 gevonden");
  // The list refreshes per filter; poll the whole list so a card of the previous result that
  // is replaced while we read cannot make this fail or pass.
  await expect
    .poll(async () => {
      const cards = await page.getByRole("article").allInnerTexts();
      return cards.length > 0 && cards.every((card) => card.includes("Huisartsenpraktijk"));
    })
    .toBe(true);
  await page.getByText("Per wijk").click();
  await expect(page.getByRole("heading", { level: 3 }).first()).toBeVisible();
  await axeClean(page);
});

test("the public sociale kaart needs no login, shows no names, and closes when withdrawn", async ({
  browser,
}) => {
  const visitor = await newPage(browser);
  await visitor.goto("/kaart/zhn");
  await expect(visitor.getByRole("heading", { name: "Sociale kaart Zuid-Holland Noord" })).toBeVisible();
  await visitor.getByRole("searchbox", { name: "Zoeken" }).fill("huisarts Katwijk");
  const first = visitor.getByRole("article").first();
  await expect(first).toContainText("Katwijk");
  await expect(first.getByText(/Huisarts: \d+/)).toBeVisible();
  await expect(visitor.getByText("(Huisarts)")).toHaveCount(0);
  await axeClean(visitor);

  const beheerder = await newPage(browser);
  await logIn(beheerder, "beheerder@zhn.demo");
  await beheerder.getByRole("link", { name: "Sociale kaart" }).click();
  const publish = beheerder.getByRole("switch", { name: /Openbare sociale kaart/ });
  await expect(publish).toBeChecked();
  await publish.click({ force: true });
  await expect(beheerder.getByText("De sociale kaart is niet meer openbaar")).toBeVisible();
  await visitor.reload();
  await expect(visitor.getByText("Deze sociale kaart bestaat niet of is niet openbaar.")).toBeVisible();
  await publish.click({ force: true });
  await expect(beheerder.getByText("De sociale kaart is nu openbaar")).toBeVisible();
});
