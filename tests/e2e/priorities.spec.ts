import { expect, type Page, test } from "@playwright/test";
import { axeClean, choose, logIn, newPage } from "./helpers";

// The two journeys share one alliance: the first chooses its speerpunten, the second acts on them.
const alliance = `Alliantie Gezond Leiden ${Date.now()}`;
const TOPICS = ["Eenzaamheid", "Bewegen", "Mantelzorg", "Wonen en zorg", "Gezonde school"];
const SPEERPUNTEN = ["Gezond rondkomen", "Eenzaamheid", "Mantelzorg", "Bewegen"];

async function openAlliance(page: Page) {
  await page.getByRole("link", { name: "Speerpunten" }).click();
  await page.getByRole("link", { name: alliance }).click();
  await expect(page.getByRole("heading", { name: alliance, level: 2 })).toBeVisible();
}

/** Fills the point boxes of the score form (topic → points) and saves. */
async function dividePoints(page: Page, points: Record<string, number>) {
  const form = page.getByRole("region", { name: "Punten verdelen" });
  for (const [topic, n] of Object.entries(points))
    await form.getByRole("textbox", { name: topic, exact: true }).fill(String(n));
  await expect(form.getByText("Nog te verdelen: 0")).toBeVisible();
  await form.getByRole("button", { name: "Punten opslaan" }).click();
  await expect(page.getByText("De punten zijn opgeslagen")).toBeVisible();
}

test("the bureau and a partner gather topics, divide their points and choose four speerpunten", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const staff = await newPage(browser);
  await logIn(staff, "medewerker@zhn.demo");
  await staff.getByRole("link", { name: "Speerpunten" }).click();
  // The demo alliance in Katwijk chose its four speerpunten.
  await expect(staff.getByRole("link", { name: /Speerpunten Alliantie Gezond Katwijk/ })).toBeVisible();
  await axeClean(staff);
  await staff.getByRole("button", { name: "Nieuwe prioritering" }).click();
  const form = staff.getByRole("form", { name: "Nieuwe prioritering" });
  await form.getByRole("textbox", { name: "Titel" }).fill(alliance);
  await form.getByRole("button", { name: "Prioritering beginnen" }).click();
  await expect(staff.getByRole("heading", { name: alliance, level: 2 })).toBeVisible();
  await expect(
    staff.getByText("Elke deelnemer verdeelt 10 punten; er worden 4 speerpunten gekozen."),
  ).toBeVisible();

  // The bureau writes down the topics from the kick-off; the form stays open for the next.
  await staff.getByRole("button", { name: "Onderwerp aandragen" }).click();
  const topicForm = staff.getByRole("form", { name: "Onderwerp aandragen" });
  for (const topic of TOPICS) {
    await topicForm.getByRole("textbox", { name: "Onderwerp", exact: true }).fill(topic);
    await topicForm.getByRole("button", { name: "Aandragen" }).click();
    await expect(staff.getByRole("row", { name: new RegExp(topic) })).toBeVisible();
  }
  await axeClean(staff);

  // The gemeente brings in its own topic.
  const partner = await newPage(browser);
  await logIn(partner, "partner@zhn.demo");
  await openAlliance(partner);
  await partner.getByRole("button", { name: "Onderwerp aandragen" }).click();
  const partnerForm = partner.getByRole("form", { name: "Onderwerp aandragen" });
  await partnerForm.getByRole("textbox", { name: "Onderwerp", exact: true }).fill("Gezond rondkomen");
  await partnerForm.getByRole("textbox", { name: "Waarom dit onderwerp" }).fill("Geldzorgen maken ziek");
  await choose(partnerForm.getByRole("combobox", { name: "Aangedragen door" }), "Gemeente Katwijk", {
    search: "Gemeente Katwijk",
  });
  await partnerForm.getByRole("button", { name: "Aandragen" }).click();
  const own = partner.getByRole("row", { name: /Gezond rondkomen/ });
  await expect(own).toContainText("Gemeente Katwijk");
  // Their own topic they may change; the bureau's not.
  await expect(own.getByRole("button", { name: "Onderwerp Gezond rondkomen wijzigen" })).toBeVisible();
  await expect(partner.getByRole("button", { name: "Onderwerp Bewegen wijzigen" })).toHaveCount(0);
  await axeClean(partner);

  // Gathering closes; everyone divides ten points.
  await staff.reload();
  await staff.getByRole("button", { name: "Verzamelen sluiten: punten verdelen" }).click();
  await expect(staff.getByText("Punten verdelen", { exact: true }).first()).toBeVisible();
  await partner.reload();
  await dividePoints(partner, { "Gezond rondkomen": 5, Eenzaamheid: 3, Bewegen: 2 });
  await axeClean(partner);
  // The bureau records the points the zorgverzekeraar gave at the table.
  await staff.reload();
  await choose(staff.getByRole("combobox", { name: "Deelnemer" }), "Karin de Wit", { search: "Karin" });
  await dividePoints(staff, { Mantelzorg: 4, Eenzaamheid: 3, "Gezond rondkomen": 2, Bewegen: 1 });
  const participants = staff.getByRole("region", { name: /^Deelnemers/ });
  await expect(participants.getByRole("row", { name: /Thomas Mulder/ })).toContainText("Gezond rondkomen: 5");
  await expect(participants.getByRole("row", { name: /Karin de Wit/ })).toContainText("Mantelzorg: 4");
  const chart = staff.getByRole("list", { name: "Punten per onderwerp" });
  await expect(chart.getByRole("listitem").first()).toContainText("Gezond rondkomen7");
  await axeClean(staff);

  // The four with the most points are ticked; choosing them fixes the prioritisation.
  await staff.getByRole("button", { name: "Speerpunten kiezen" }).click();
  for (const topic of SPEERPUNTEN)
    await expect(staff.getByRole("checkbox", { name: new RegExp(`^${topic}`) })).toBeChecked();
  await expect(staff.getByRole("checkbox", { name: /^Wonen en zorg/ })).not.toBeChecked();
  await axeClean(staff);
  await staff.getByRole("button", { name: "Speerpunten kiezen" }).click();
  await expect(staff.getByText("Speerpunten gekozen: 4")).toBeVisible();
  for (const [i, topic] of SPEERPUNTEN.entries())
    await expect(staff.getByRole("heading", { name: `${i + 1}. ${topic}`, level: 3 })).toBeVisible();
});

test("each speerpunt gets two actions with owners; the partner finds theirs under 'mijn acties', moves it on and comments", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const staff = await newPage(browser);
  await logIn(staff, "medewerker@zhn.demo");
  await openAlliance(staff);
  for (const [i, topic] of SPEERPUNTEN.entries())
    for (const n of [1, 2]) {
      await staff.getByRole("button", { name: `Actie toevoegen aan ${topic}` }).click();
      const form = staff.getByRole("form", { name: "Actie toevoegen" });
      await form.getByRole("textbox", { name: "Actie", exact: true }).fill(`${topic}: stap ${n}`);
      // One action per speerpunt goes to the gemeente's Thomas Mulder, the other to an organisation.
      if (n === 1)
        await choose(form.getByRole("combobox", { name: "Persoon" }), "Thomas Mulder", {
          search: "Thomas Mulder",
        });
      else
        await choose(form.getByRole("combobox", { name: "Organisatie" }), "Welzijn Rijnstreek", {
          search: "Welzijn Rijnstreek",
        });
      await form.getByLabel("Uiterlijk").fill(`2027-0${i + 1}-1${n}`);
      if (i === 0 && n === 1) await axeClean(staff);
      await form.getByRole("button", { name: "Actie toevoegen" }).click();
      await expect(staff.getByRole("row", { name: new RegExp(`${topic}: stap ${n}`) })).toBeVisible();
      // The form closes once the speerpunten are fetched again too, which can come after the row.
      await expect(form).toHaveCount(0);
    }
  const first = staff.getByRole("region", { name: `1. ${SPEERPUNTEN[0]}` });
  await expect(first.getByRole("row", { name: /stap 1/ })).toContainText("Thomas Mulder");
  await expect(first.getByRole("row", { name: /stap 2/ })).toContainText("Welzijn Rijnstreek");
  await axeClean(staff);

  // The speerpunt contributes to a resultaatgebied of the regioplan; the plan shows it there.
  await first.getByRole("button", { name: `Speerpunt ${SPEERPUNTEN[0]} wijzigen` }).click();
  const edit = first.getByRole("form", { name: `Speerpunt ${SPEERPUNTEN[0]} wijzigen` });
  await choose(edit.getByRole("combobox", { name: "Resultaatgebied" }), "Kwetsbare ouderen in beeld", {
    search: "Kwetsbare",
    exact: true,
  });
  await axeClean(staff);
  await edit.getByRole("button", { name: "Opslaan" }).click();
  await expect(first.getByText("Draagt bij aan Kwetsbare ouderen in beeld (Zorgvernieuwing)")).toBeVisible();
  await staff.getByRole("link", { name: "Regioplan", exact: true }).click();
  await staff.getByRole("link", { name: "Regioplan Zuid-Holland Noord" }).click();
  const area = staff.getByRole("region", { name: "Zorgvernieuwing" });
  await area.getByRole("link", { name: SPEERPUNTEN[0], exact: true }).click();
  await expect(staff.getByRole("heading", { name: alliance, level: 2 })).toBeVisible();

  const partner = await newPage(browser);
  await logIn(partner, "partner@zhn.demo");
  await partner.getByRole("link", { name: "Wie doet wat" }).click();
  await expect(partner.getByRole("radio", { name: "Mijn acties" })).toBeChecked();
  const mine = partner.getByRole("row", { name: new RegExp(`${SPEERPUNTEN[0]}: stap 1`) });
  await expect(mine).toBeVisible();
  await expect(partner.getByRole("row", { name: /stap 2/ })).toHaveCount(0);
  await choose(mine.getByRole("combobox", { name: `Status van ${SPEERPUNTEN[0]}: stap 1` }), "Bezig");
  await expect(partner.getByText(`${SPEERPUNTEN[0]}: stap 1: Bezig`)).toBeVisible();
  await mine.getByRole("button", { name: `Opmerkingen bij ${SPEERPUNTEN[0]}: stap 1` }).click();
  await partner
    .getByRole("textbox", { name: "Opmerking" })
    .fill("Eerste overleg met de schuldhulp is gepland");
  await partner.getByRole("button", { name: "Plaatsen" }).click();
  await expect(partner.getByText("Eerste overleg met de schuldhulp is gepland")).toBeVisible();
  // The invitation for that meeting goes with the action.
  const chooser = partner.waitForEvent("filechooser");
  await partner.getByRole("button", { name: "Bijlage (PDF, Word, Excel, afbeelding)" }).click();
  await (await chooser).setFiles({
    name: "uitnodiging.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
  });
  await partner.getByRole("button", { name: "Toevoegen" }).click();
  await expect(partner.getByRole("link", { name: "uitnodiging.pdf" })).toBeVisible();
  await axeClean(partner);
});
