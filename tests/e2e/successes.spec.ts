import { expect, test } from "@playwright/test";
import { axeClean, choose, logIn, newPage } from "./helpers";

// A 1×1 PNG: the smallest photo.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

test("a member posts a success with a photo, and the stuurgroep sees it on its dashboard with what needs attention", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const title = `Wachttijd POH-GGZ gehalveerd ${Date.now()}`;
  const member = await newPage(browser);
  await logIn(member, "lid@zhn.demo");
  await member.getByRole("link", { name: "Successen" }).click();
  await expect(member.getByRole("article", { name: "Eerste oefengroep valpreventie zit vol" })).toBeVisible();
  await member.getByRole("button", { name: "Succes delen" }).click();
  const form = member.getByRole("form", { name: "Succes delen" });
  await form.getByRole("textbox", { name: "Wat is er gelukt" }).fill(title);
  await form
    .getByRole("textbox", { name: "Het verhaal" })
    .fill("Met een tweede POH-GGZ in de wijk is de wachttijd van zes naar drie weken.");
  await choose(form.getByRole("combobox", { name: "Uit het project" }), "Valpreventie Katwijk");
  const chooser = member.waitForEvent("filechooser");
  await form.getByRole("button", { name: "Foto" }).click();
  await (await chooser).setFiles({ name: "team.png", mimeType: "image/png", buffer: PNG });
  await axeClean(member);
  await form.getByRole("button", { name: "Delen" }).click();
  const card = member.getByRole("article", { name: title });
  await expect(card).toContainText("Valpreventie Katwijk");
  await expect(card.getByRole("img", { name: title })).toBeVisible();
  await axeClean(member);

  const board = await newPage(browser);
  await logIn(board, "bestuur@zhn.demo");
  await board.getByRole("link", { name: "Stand van zaken" }).click();
  await expect(board.getByRole("heading", { name: "Stand van zaken", level: 2 })).toBeVisible();
  const programmes = board.getByRole("region", { name: "Programma's" });
  await expect(programmes.getByRole("row", { name: /Kwetsbare ouderen/ })).toBeVisible();
  const kpis = board.getByRole("region", { name: "Indicatoren" });
  await expect(
    kpis.getByRole("link", { name: "Kwetsbare ouderen met een proactief zorgplan" }),
  ).toBeVisible();
  await expect(board.getByRole("region", { name: /^Acties over de datum: [1-9]/ })).toBeVisible();
  await expect(
    board.getByRole("region", { name: "Nieuwste successen" }).getByRole("article", { name: title }),
  ).toBeVisible();
  await axeClean(board);
});
