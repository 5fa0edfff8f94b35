import { expect, test } from "@playwright/test";
import { axeClean, choose, logIn, newPage } from "./helpers";

test("the bureau sets up a programme and starts a project with a projectleider and a resultaatgebied, and moves it on by phase", async ({
  browser,
}) => {
  const programme = `Leefstijl (GLI) ${Date.now()}`;
  const project = `Beweegprogramma Oegstgeest ${Date.now()}`;
  const page = await newPage(browser);
  await logIn(page, "medewerker@zhn.demo");
  await page.getByRole("link", { name: "Programma's en projecten" }).click();
  await expect(page.getByRole("heading", { name: "Programma's en projecten", level: 2 })).toBeVisible();
  // The demo's programmes and projects are there.
  await expect(page.getByText("Casusoverleg ouderen in elke wijk")).toBeVisible();
  await axeClean(page);

  await page.getByRole("button", { name: "Programma instellen" }).click();
  const programmeForm = page.getByRole("form", { name: "Programma instellen" });
  await programmeForm.getByRole("textbox", { name: "Naam van het programma" }).fill(programme);
  await choose(programmeForm.getByRole("combobox", { name: "Niveau" }), "Wijk");
  await programmeForm.getByRole("button", { name: "Programma instellen" }).click();
  await expect(page.getByText(`${programme} · Wijk · projecten: 0`)).toBeVisible();

  await page.getByRole("button", { name: "Nieuw project" }).click();
  const form = page.getByRole("form", { name: "Nieuw project" });
  await choose(form.getByRole("combobox", { name: "Programma" }), programme);
  await form.getByRole("textbox", { name: "Project" }).fill(project);
  await choose(form.getByRole("combobox", { name: "Projectleider" }), "Naima Boukhari", {
    search: "Boukhari",
  });
  await choose(form.getByRole("combobox", { name: "Resultaatgebieden" }), "Kwetsbare ouderen in beeld");
  await form.getByRole("combobox", { name: "Resultaatgebieden" }).press("Escape");
  await choose(form.getByRole("combobox", { name: "Wijken" }), "Katwijk aan Zee (WK053700)", {
    search: "Katwijk aan Zee",
  });
  await form.getByRole("combobox", { name: "Wijken" }).press("Escape");
  await form.getByLabel("Start").fill("2026-09-01");
  await form.getByLabel("Einde").fill("2026-03-01");
  await form.getByRole("button", { name: "Project starten" }).click();
  await expect(form.getByText("Het einde ligt vóór de start")).toBeVisible();
  await form.getByLabel("Einde").fill("2027-08-31");
  await axeClean(page);
  await form.getByRole("button", { name: "Project starten" }).click();

  const row = page.getByRole("row", { name: new RegExp(project) });
  await expect(row).toContainText("Naima Boukhari");
  await expect(row).toContainText("Kwetsbare ouderen in beeld");
  await expect(row).toContainText("Idee");
  // The wijk's projects: this one and the demo's fall prevention in Katwijk.
  await choose(page.getByRole("combobox", { name: "Wijk", exact: true }), "Katwijk aan Zee (WK053700)", {
    search: "Katwijk aan Zee",
  });
  await expect(page.getByRole("row", { name: /Valpreventie Katwijk/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /Casusoverleg/ })).toHaveCount(0);

  // By phase (still in that wijk): the project is an idea, and moves on to preparation with its button.
  await page.getByText("Per fase", { exact: true }).click();
  await expect(page.getByRole("radio", { name: "Per fase" })).toBeChecked();
  const ideas = page.getByRole("region", { name: /^Idee \(/ });
  await expect(ideas.getByText(project)).toBeVisible();
  await axeClean(page);
  await ideas.getByRole("button", { name: `${project} naar fase Voorbereiding` }).click();
  await expect(page.getByRole("region", { name: /^Voorbereiding \(/ }).getByText(project)).toBeVisible();
  await expect(ideas.getByText(project)).toHaveCount(0);

  // On the timeline its bar runs from its start to its end.
  await page.getByText("Tijdlijn", { exact: true }).click();
  await expect(
    page.getByRole("img", { name: `${project}: 1 sep 2026 tot 31 aug 2027, Voorbereiding` }),
  ).toBeVisible();
  await axeClean(page);

  // A member sees the projects, without the bureau's buttons.
  const member = await newPage(browser);
  await logIn(member, "lid@zhn.demo");
  await member.getByRole("link", { name: "Programma's en projecten" }).click();
  await expect(member.getByText(project)).toBeVisible();
  await expect(member.getByRole("button", { name: "Nieuw project" })).toHaveCount(0);
  await axeClean(member);
});
