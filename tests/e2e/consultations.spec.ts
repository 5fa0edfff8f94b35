import { expect, type Page, test } from "@playwright/test";
import { startMailbox } from "../support/mailbox";
import { axeClean, choose, logIn, newPage } from "./helpers";

let mailbox: Awaited<ReturnType<typeof startMailbox>>;
test.beforeAll(async () => {
  mailbox = await startMailbox();
});
test.afterAll(async () => {
  await mailbox.close();
});

async function openConsultations(page: Page, email: string) {
  await logIn(page, email);
  await page.getByRole("link", { name: "Consultaties" }).click();
  await expect(page.getByRole("heading", { name: "Consultaties en adviesnotities" })).toBeVisible();
}

/** Answers every question of a response form: a score per question and a comment on the first. */
async function answer(page: Page, formName: string, scores: string[], comment: string) {
  const form = page.getByRole("form", { name: formName });
  for (const [i, score] of scores.entries())
    await form
      .getByRole("radiogroup", { name: new RegExp(`^${i + 1}\\. `) })
      .getByRole("radio", { name: score })
      .check();
  await form.getByRole("textbox", { name: "Toelichting bij vraag 1" }).fill(comment);
  return form;
}

test("a werkgroep's adviesnotitie goes to the verenigingen, who respond, and the bureau sees support per discipline before the stuurgroep decides", async ({
  browser,
}) => {
  const title = `Adviesnotitie Wondzorg in de wijk ${Date.now()}`;
  const bureau = await newPage(browser);
  await openConsultations(bureau, "medewerker@zhn.demo");
  await bureau.getByRole("button", { name: "Nieuwe adviesnotitie" }).click();
  const form = bureau.getByRole("form", { name: "Nieuwe adviesnotitie" });
  await choose(form.getByRole("combobox", { name: "Werkgroep" }), "Werkgroep Zorgvernieuwing", {
    search: "Zorgvernieuwing",
  });
  await form.getByRole("textbox", { name: "Titel" }).fill(title);
  await form.getByRole("textbox", { name: "Adviesnotitie" }).fill("## Voorstel\n\nWondzorg dicht bij huis.");
  await form
    .getByRole("textbox", { name: "Vragen" })
    .fill("Steunt u wondzorg in de wijk?\nSteunt u de scholing voor praktijkondersteuners?");
  const only = form.getByRole("combobox", { name: "Alleen deze verenigingen" });
  await choose(only, "Huisartsenvereniging Holland Rijnland", { search: "Huisartsen" });
  await choose(only, "Fysiotherapeutenvereniging Rijnland", { search: "Fysio" });
  await only.press("Escape");
  await axeClean(bureau);
  await bureau.getByRole("button", { name: "Adviesnotitie opstellen" }).click();
  await expect(bureau.getByRole("heading", { name: title })).toBeVisible();
  // The beleidsterrein came from the werkgroep.
  await expect(bureau.getByText("· Zorgvernieuwing")).toBeVisible();
  await bureau.getByRole("button", { name: "Consultatie starten" }).click();
  await expect(bureau.getByText("Consultatie gestart; de uitnodigingen zijn verstuurd")).toBeVisible();
  await expect(bureau.getByText(/^0 van \d+ gereageerd$/)).toBeVisible();
  await axeClean(bureau);

  // The demo member, a huisarts in the huisartsenvereniging, gets the questions by e-mail…
  const mail = await mailbox.waitFor("lid@zhn.demo", new RegExp(`Consultatie: ${title}`));
  expect(mail.text).toContain("1. Steunt u wondzorg in de wijk?");
  // …and responds in the app.
  const member = await newPage(browser);
  await openConsultations(member, "lid@zhn.demo");
  await member.getByRole("checkbox", { name: "Alleen waarin mij iets gevraagd is" }).check();
  await member.getByRole("link", { name: title }).click();
  await answer(member, "Uw reactie", ["5 – zeer eens", "4 – eens"], "Goed voor de patiënt.");
  await axeClean(member);
  await member.getByRole("button", { name: "Reactie versturen" }).click();
  await expect(member.getByText("U hebt gereageerd.", { exact: false })).toBeVisible();
  await expect(
    member.getByText("De uitslag is voor de leden zichtbaar zodra de consultatie verwerkt is."),
  ).toBeVisible();

  // A fysiotherapeut answered by e-mail: the bureau records it.
  await bureau.reload();
  await choose(bureau.getByRole("combobox", { name: "Namens" }), /Fysiotherapeut/, {
    search: "Fysiotherapeut",
  });
  await answer(
    bureau,
    "Reactie per post of e-mail vastleggen",
    ["2 – oneens", "2 – oneens"],
    "Fysio ontbreekt.",
  );
  await bureau.getByRole("button", { name: "Reactie vastleggen" }).click();
  await expect(bureau.getByText(/^2 van \d+ gereageerd$/)).toBeVisible();

  // Support per discipline: the huisarts for, the fysiotherapeut against.
  const byDiscipline = bureau.getByRole("table", { name: "Discipline" });
  await expect(byDiscipline.getByRole("row", { name: /Huisarts \d+ 1 4,5 100 %/ })).toBeVisible();
  await expect(byDiscipline.getByRole("row", { name: /Fysiotherapeut \d+ 1 2 0 %/ })).toBeVisible();
  await expect(bureau.getByRole("list", { name: "Gemiddelde steun per discipline" })).toContainText("4,5");
  await axeClean(bureau);

  // The round is closed, each comment handled, and the stuurgroep decides.
  await bureau.getByRole("button", { name: "Consultatie afsluiten" }).click();
  await expect(bureau.getByText("Consultatie afgesloten")).toBeVisible();
  for (const who of ["Goed voor de patiënt.", "Fysio ontbreekt."]) {
    const comment = bureau.getByRole("article").filter({ hasText: who });
    await choose(comment.getByRole("combobox", { name: "Verwerking" }), "Overgenomen", { exact: true });
    await comment
      .getByRole("textbox", { name: "Toelichting op de verwerking" })
      .fill("Opgenomen in paragraaf 2.");
    await comment.getByRole("button", { name: "Opslaan" }).click();
    await expect(comment.getByText("Overgenomen", { exact: true }).first()).toBeVisible();
  }
  await choose(bureau.getByRole("combobox", { name: "Besluitvormend orgaan" }), "Stuurgroep", {
    search: "Stuurgroep",
  });
  await bureau.getByRole("button", { name: "Ter besluitvorming voorleggen" }).click();
  await expect(bureau.getByText("Ter besluitvorming voorgelegd")).toBeVisible();
  await choose(bureau.getByRole("combobox", { name: "Uitkomst" }), "Gewijzigd vastgesteld");
  await bureau.getByRole("button", { name: "Besluit vastleggen" }).click();
  await expect(bureau.getByText("Uitkomst: Gewijzigd vastgesteld")).toBeVisible();
  await expect(bureau.getByRole("listitem").filter({ hasText: "5. Besloten" })).toHaveAttribute(
    "aria-current",
    "step",
  );
  await axeClean(bureau);

  // Now the member sees the results too, without the names of who commented.
  await member.reload();
  await expect(member.getByRole("heading", { name: "Draagvlak" })).toBeVisible();
  const own = member.getByRole("article").filter({ hasText: "Goed voor de patiënt." });
  await expect(own).toContainText("Huisarts");
  await expect(own).not.toContainText("Marieke Visser");
  await expect(own).toContainText("Toelichting op de verwerking: Opgenomen in paragraaf 2.");
  await axeClean(member);
});
