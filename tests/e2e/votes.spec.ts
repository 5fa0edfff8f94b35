import { expect, type Locator, type Page, test } from "@playwright/test";
import { axeClean, choose, logIn, newPage } from "./helpers";

async function openProposals(page: Page, email: string) {
  await logIn(page, email);
  await page.getByRole("link", { name: "Stemmingen" }).click();
  await expect(page.getByRole("heading", { name: "Voorstellen en stemmingen" })).toBeVisible();
}

/** The bureau drafts a proposal in `body` and opens the vote. */
async function draftAndOpen(
  page: Page,
  body: string,
  title: string,
  rules: (form: Locator) => Promise<void>,
) {
  await page.getByRole("button", { name: "Nieuw voorstel" }).click();
  const form = page.getByRole("form", { name: "Nieuw voorstel" });
  await axeClean(page);
  await choose(form.getByRole("combobox", { name: "Orgaan" }), body, { search: body });
  await form.getByRole("textbox", { name: "Titel" }).fill(title);
  await rules(form);
  await page.getByRole("button", { name: "Voorstel opstellen" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await axeClean(page);
  await page.getByRole("button", { name: "Stemming openen" }).click();
  await expect(page.getByText("De stemming is geopend")).toBeVisible();
}

test("the ALV votes on a statutenwijziging in the meeting, with a proxy, to a result", async ({
  browser,
}) => {
  const title = `Statutenwijziging ${Date.now()}`;
  const meeting = `ALV statuten ${Date.now()}`;
  const bureau = await newPage(browser);
  await openProposals(bureau, "medewerker@zhn.demo");
  // The ALV meets in two weeks; the vote belongs to that meeting.
  await bureau.getByRole("link", { name: "Organen" }).click();
  await bureau.getByRole("link", { name: "Algemene ledenvergadering" }).first().click();
  await bureau.getByRole("button", { name: "Vergadering plannen" }).click();
  const plan = bureau.getByRole("form", { name: "Vergadering plannen" });
  await plan.getByLabel("Onderwerp").fill(meeting);
  await plan.getByLabel("Datum").fill(new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10));
  await plan.getByLabel("Begintijd").fill("19:30");
  await plan.getByLabel("Eindtijd").fill("21:30");
  await plan.getByRole("button", { name: "Opslaan" }).click();
  await expect(bureau.getByRole("heading", { name: meeting, level: 2 })).toBeVisible();
  await bureau.getByRole("button", { name: "Agendapunt toevoegen" }).click();
  const item = bureau.getByRole("form", { name: "Agendapunt toevoegen" });
  await item.getByRole("textbox", { name: "Titel" }).fill("Wijziging van de statuten");
  await choose(item.getByRole("combobox", { name: "Ter" }), "Ter besluitvorming");
  await item.getByRole("button", { name: "Agendapunt toevoegen" }).click();
  await expect(item).toBeHidden();
  await bureau.getByRole("link", { name: "Stemmingen" }).click();
  await draftAndOpen(bureau, "Algemene ledenvergadering", title, async (form) => {
    await choose(form.getByRole("combobox", { name: "Vergadering" }), new RegExp(meeting));
    await choose(form.getByRole("combobox", { name: "Agendapunt" }), "1. Wijziging van de statuten");
    await choose(form.getByRole("combobox", { name: "Meerderheid" }), "Twee derde (bijv. statutenwijziging)");
    await choose(
      form.getByRole("combobox", { name: "Waar" }),
      "In de vergadering (het bureau legt de stemmen vast)",
    );
  });
  await expect(bureau.getByText("0 van 8 stemmen uitgebracht")).toBeVisible();

  // A member who cannot come gives her vote to a colleague.
  const member = await newPage(browser);
  await openProposals(member, "lid@zhn.demo");
  await member.getByRole("link", { name: title }).click();
  await expect(member.getByText("Uw eigen stem")).toBeVisible();
  await choose(member.getByRole("combobox", { name: "Gemachtigde" }), "Jeroen Zwanenburg", {
    search: "Zwanenburg",
  });
  await member.getByRole("button", { name: "Volmacht geven" }).click();
  await expect(
    member.getByText("U hebt een volmacht gegeven aan Jeroen Zwanenburg; die stemt voor u."),
  ).toBeVisible();
  await axeClean(member);

  // The bureau records the votes cast in the meeting: six of eight, one through the proxy.
  await bureau.reload();
  await expect(bureau.getByText("(via volmacht: Jeroen Zwanenburg)")).toBeVisible();
  for (const [voter, vote] of [
    ["Marieke Visser", "Voor"],
    ["Jeroen Zwanenburg", "Voor"],
    ["Lotte Wijnands", "Voor"],
    ["Ahmed Bakkali", "Voor"],
    ["Esther Wiersma", "Tegen"],
    ["Thijs Brugman", "Onthouding"],
  ] as const)
    await choose(bureau.getByRole("combobox", { name: `Stem: ${voter}` }), vote, { exact: true });
  await bureau.getByRole("button", { name: "Stemmen vastleggen" }).click();
  await expect(bureau.getByText("6 van 8 stemmen uitgebracht")).toBeVisible();
  await axeClean(bureau);

  await bureau.getByRole("button", { name: "Stemming sluiten en uitslag vaststellen" }).click();
  await expect(bureau.getByText("Aangenomen", { exact: true })).toBeVisible();
  await expect(
    bureau.getByText("Quorum: 6 van 8 stemmen aanwezig of vertegenwoordigd, 4 vereist (50 %): gehaald."),
  ).toBeVisible();
  await expect(
    bureau.getByText(
      "Twee derde (bijv. statutenwijziging): Voor kreeg 4 van de 5 uitgebrachte stemmen, 4 waren nodig: gehaald.",
    ),
  ).toBeVisible();
  await expect(bureau.getByText("1 stemmen zijn via een volmacht uitgebracht.")).toBeVisible();
  const votes = bureau.getByRole("row", { name: /Marieke Visser/ });
  await expect(votes).toContainText("via volmacht: Jeroen Zwanenburg");
  await expect(bureau.getByRole("button", { name: "Stemming sluiten en uitslag vaststellen" })).toHaveCount(
    0,
  );
  await axeClean(bureau);

  // The result goes into the ALV's besluitenlijst with its number.
  await bureau.getByRole("button", { name: "Uitslag als besluit vastleggen" }).click();
  await bureau
    .getByRole("link", { name: "De uitslag staat in de besluitenlijst van de vergadering" })
    .click();
  await expect(bureau.getByRole("heading", { name: meeting, level: 2 })).toBeVisible();
  await expect(bureau.getByText(`${title}: aangenomen (4 voor, 1 tegen, 1 onthouding).`)).toBeVisible();
  // The agenda item links to the vote held under it.
  await expect(
    bureau.getByRole("list", { name: "Agenda" }).getByRole("link", { name: `Stemming: ${title}` }),
  ).toBeVisible();
});

test("a member votes online once, and sees no interim result", async ({ browser }) => {
  const title = `Nascholingsplan ${Date.now()}`;
  const bureau = await newPage(browser);
  await openProposals(bureau, "medewerker@zhn.demo");
  await draftAndOpen(bureau, "Werkgroep Deskundigheidsbevordering", title, async () => {});

  const member = await newPage(browser);
  await openProposals(member, "lid@zhn.demo");
  await member.getByRole("link", { name: title }).click();
  await member.getByRole("radio", { name: "Voor" }).check();
  await member.getByRole("button", { name: "Stem uitbrengen" }).click();
  await expect(member.getByText("Uw eigen stem: Gestemd: Voor")).toBeVisible();
  await expect(member.getByText("1 van 2 stemmen uitgebracht")).toBeVisible();
  await expect(
    member.getByText("Tussenstanden worden niet getoond; de uitslag volgt bij sluiting."),
  ).toBeVisible();
  await expect(member.getByRole("button", { name: "Stem uitbrengen" })).toHaveCount(0);
  await axeClean(member);
});
