import { expect, type Page, test } from "@playwright/test";
import { axeClean, choose, logIn, newPage } from "./helpers";

const pdf = (name: string) => ({
  name,
  mimeType: "application/pdf",
  buffer: Buffer.from(`%PDF-1.4\n% ${name}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`),
});

async function openWerkgroepMeeting(page: Page, email: string) {
  await logIn(page, email);
  await page.getByRole("link", { name: "Vergaderingen" }).click();
  // Someone without a seat in the werkgroep finds its meeting among all meetings.
  await page.getByText("Alle vergaderingen").click();
  await page.getByRole("link", { name: "Werkgroep deskundigheidsbevordering" }).first().click();
  await expect(page.getByRole("heading", { name: "Stukken", exact: true, level: 2 })).toBeVisible();
}

test("the bureau adds documents to a meeting with a new version, finds them and the minutes by search, and a confidential one stays with the werkgroep", async ({
  browser,
}) => {
  const bureau = await newPage(browser);
  await openWerkgroepMeeting(bureau, "medewerker@zhn.demo");
  const add = async (title: string, file: ReturnType<typeof pdf>, confidential = false) => {
    await bureau.getByRole("button", { name: "Stuk toevoegen" }).click();
    const form = bureau.getByRole("form", { name: "Stuk toevoegen" });
    await form.getByRole("textbox", { name: "Titel" }).fill(title);
    await choose(form.getByRole("combobox", { name: "Agendapunt" }), "1. Scholingsaanbod voorjaar");
    await form.locator("input[type=file]").setInputFiles(file);
    // The chosen file can be cleared again with a named button (a screen reader says what it does).
    await expect(form.getByRole("button", { name: "Wissen", exact: true })).toBeVisible();
    if (confidential) await form.getByRole("checkbox", { name: "Vertrouwelijk" }).check();
    await axeClean(bureau);
    await form.getByRole("button", { name: "Stuk toevoegen" }).click();
    await expect(bureau.getByText("Stuk toegevoegd")).toBeVisible();
  };
  await add("Scholingsplan voorjaar 2027", pdf("scholingsplan-v1.pdf"));
  await add("Evaluatie docenten", pdf("evaluatie.pdf"), true);
  const documents = bureau.getByRole("region", { name: "Stukken", exact: true });
  const plan = documents.getByRole("row", { name: /Scholingsplan voorjaar 2027/ });
  await expect(plan).toContainText("Scholingsaanbod voorjaar");
  await expect(documents.getByRole("row", { name: /Evaluatie docenten/ })).toContainText("vertrouwelijk");

  // A revised plan comes in: version 2, and that is what the title downloads.
  const chooser = bureau.waitForEvent("filechooser");
  await bureau
    .getByRole("button", { name: "Nieuwe versie van Scholingsplan voorjaar 2027 uploaden" })
    .click();
  await (await chooser).setFiles(pdf("scholingsplan-v2.pdf"));
  await expect(bureau.getByText("Nieuwe versie opgeslagen")).toBeVisible();
  await expect(plan.getByRole("cell").nth(2)).toHaveText("2");
  const download = bureau.waitForEvent("download");
  await plan.getByRole("link", { name: "Scholingsplan voorjaar 2027" }).click();
  expect((await download).suggestedFilename()).toBe("scholingsplan-v2.pdf");
  await axeClean(bureau);

  // Search finds the document by words of its title, and the medische raad's minutes.
  await bureau.getByRole("link", { name: "Stukken", exact: true }).click();
  await expect(bureau.getByRole("heading", { name: "Stukken en notulen" })).toBeVisible();
  const search = bureau.getByRole("searchbox", { name: "Zoeken in stukken en notulen" });
  await search.fill("voorjaar scholingsplan");
  await expect(bureau.getByRole("article").filter({ hasText: "Scholingsplan voorjaar 2027" })).toContainText(
    "Stuk",
  );
  await search.fill("medicatieoverdracht");
  const minutes = bureau.getByRole("article").filter({ hasText: "Vergadering medische raad" });
  await expect(minutes).toContainText("Notulen");
  await expect(minutes.locator("mark").first()).toHaveText(/medicatieoverdracht/i);
  await axeClean(bureau);

  // The werkgroep's own page lists the documents of all its meetings, and takes documents of the
  // werkgroep as a whole.
  await bureau.getByRole("link", { name: "Organen" }).click();
  await bureau.getByRole("link", { name: "Werkgroep deskundigheidsbevordering" }).first().click();
  const bodyDocuments = bureau.getByRole("region", { name: "Stukken", exact: true });
  await expect(
    bodyDocuments.getByRole("row", { name: /Scholingsplan voorjaar 2027/ }).getByRole("link", {
      name: "Werkgroep deskundigheidsbevordering",
    }),
  ).toBeVisible();
  await bureau.getByRole("button", { name: "Stuk toevoegen" }).click();
  const bodyForm = bureau.getByRole("form", { name: "Stuk toevoegen" });
  await bodyForm.getByRole("textbox", { name: "Titel" }).fill("Werkgroepreglement");
  await expect(bodyForm.getByRole("combobox", { name: "Agendapunt" })).toHaveCount(0);
  await bodyForm.locator("input[type=file]").setInputFiles(pdf("reglement.pdf"));
  await axeClean(bureau);
  await bodyForm.getByRole("button", { name: "Stuk toevoegen" }).click();
  await expect(bodyDocuments.getByRole("row", { name: /Werkgroepreglement/ })).toContainText(
    "Orgaan (algemeen)",
  );

  // The demo member sits in the werkgroep and sees the confidential document; a board member, who
  // does not, sees only the open one.
  const member = await newPage(browser);
  await openWerkgroepMeeting(member, "lid@zhn.demo");
  await expect(member.getByRole("row", { name: /Evaluatie docenten/ })).toBeVisible();
  await expect(member.getByRole("button", { name: "Stuk toevoegen" })).toHaveCount(0);
  const board = await newPage(browser);
  await openWerkgroepMeeting(board, "bestuur@zhn.demo");
  await expect(board.getByRole("row", { name: /Scholingsplan voorjaar 2027/ })).toBeVisible();
  await expect(board.getByRole("row", { name: /Evaluatie docenten/ })).toHaveCount(0);
  await axeClean(board);
});
