// `npx tsx scripts/screenshots.ts`: the screenshots in docs/img, taken from the demo region in
// Debian's Chromium. Start Regiotafel first (`npm start`, or PORT/BASE_URL below).
import { chromium } from "@playwright/test";

const base = process.env.BASE_URL ?? "http://127.0.0.1:3000";
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(`${base}/inloggen`);
await page.getByLabel("E-mailadres").fill("medewerker@zhn.demo");
await page.locator("input[type=password]").fill("regiotafel-demo");
await page.getByRole("button", { name: "Inloggen" }).click();
await page.getByRole("link", { name: "Overzicht" }).waitFor();

const shoot = async (name: string) => {
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `docs/img/${name}.png` });
};
await page.getByRole("link", { name: "Werkgebied" }).click();
await page.getByRole("heading", { name: /^Leiden/ }).scrollIntoViewIfNeeded();
await shoot("werkgebied");
await page.getByRole("link", { name: "Sociale kaart" }).click();
await page.getByRole("searchbox", { name: "Zoeken" }).fill("fysioterapie Katwjk");
await page.getByText(/^[1-9] gevonden$/).waitFor();
await shoot("sociale-kaart");
await page.getByRole("link", { name: "Netwerk" }).click();
await page.getByRole("button", { name: /Coöperatie .* openklappen/ }).click();
await page.getByRole("link", { name: "WSV Oegstgeest" }).click();
await page.getByRole("heading", { name: "Profiel WSV Oegstgeest" }).waitFor();
await shoot("wsv-profiel");
await browser.close();
