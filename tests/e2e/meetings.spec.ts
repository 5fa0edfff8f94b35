import { expect, test } from "@playwright/test";
import { startMailbox } from "../support/mailbox";
import { axeClean, choose, logIn, newPage } from "./helpers";

let mailbox: Awaited<ReturnType<typeof startMailbox>>;
test.beforeAll(async () => {
  mailbox = await startMailbox();
});
test.afterAll(async () => {
  await mailbox.close();
});

const iso = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test("the bureau plans a medische raad meeting, builds the agenda, sends it with an invitation and records attendance", async ({
  browser,
}) => {
  const page = await newPage(browser);
  await logIn(page, "medewerker@zhn.demo");
  await page.getByRole("link", { name: "Organen" }).click();
  await page.getByRole("link", { name: "Medische raad" }).first().click();
  await expect(page.getByRole("heading", { name: "Vergaderingen van dit orgaan" })).toBeVisible();
  await page.getByRole("button", { name: "Vergadering plannen" }).click();
  const plan = page.getByRole("form", { name: "Vergadering plannen" });
  await plan.getByLabel("Onderwerp").fill("Extra vergadering wondzorg");
  await plan.getByLabel("Datum").fill(iso(21));
  await plan.getByLabel("Begintijd").fill("20:00");
  // An end before the start is refused at the field.
  await plan.getByLabel("Eindtijd").fill("19:00");
  await plan.getByRole("button", { name: "Opslaan" }).click();
  await expect(plan.getByText("De eindtijd ligt vóór de begintijd")).toBeVisible();
  await plan.getByLabel("Eindtijd").fill("21:00");
  await plan.getByLabel("Locatie").fill("Regiokantoor, Leiden");
  await axeClean(page);
  await plan.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByRole("heading", { name: "Extra vergadering wondzorg", level: 2 })).toBeVisible();
  await expect(page.getByText("Nog geen agendapunten")).toBeVisible();

  // The agenda: two items, the second moved up, one confidential.
  const addItem = async (title: string, kind: string, minutes: string, confidential = false) => {
    await page.getByRole("button", { name: "Agendapunt toevoegen" }).click();
    const form = page.getByRole("form", { name: "Agendapunt toevoegen" });
    await form.getByRole("textbox", { name: "Titel" }).fill(title);
    await choose(form.getByRole("combobox", { name: "Ter" }), kind);
    await form.getByLabel("Minuten").fill(minutes);
    if (confidential) await form.getByRole("switch", { name: /^Vertrouwelijk/ }).check({ force: true });
    await form.getByRole("button", { name: "Agendapunt toevoegen" }).click();
    await expect(form).toBeHidden();
  };
  await addItem("Adviesnotitie wondzorg", "Ter besluitvorming", "40");
  await addItem("Opening en mededelingen", "Ter informatie", "10");
  await page.getByRole("button", { name: "Agendapunt Opening en mededelingen omhoog" }).click();
  const items = page.getByRole("list", { name: "Agenda" }).getByRole("listitem");
  await expect(items.first()).toContainText("1. Opening en mededelingen");
  await expect(items.nth(1)).toContainText("2. Adviesnotitie wondzorg");
  await addItem("Voordracht nieuwe voorzitter", "Ter besluitvorming", "20", true);
  await expect(page.getByText("70 minuten gepland van 60 beschikbaar")).toBeVisible();
  await expect(page.getByText("De agenda duurt langer dan de vergadering")).toBeVisible();
  await page.getByRole("button", { name: "Agendapunt Opening en mededelingen wijzigen" }).click();
  const edit = page.getByRole("form", { name: "Agendapunt wijzigen" });
  await edit.getByLabel("Minuten").fill("5");
  await edit.getByRole("button", { name: "Agendapunt wijzigen" }).click();
  await expect(page.getByText("65 minuten gepland van 60 beschikbaar")).toBeVisible();
  await axeClean(page);

  // Sent to the members: a real mail with the agenda and an iCalendar invitation.
  await page.getByRole("button", { name: "Agenda verzenden" }).click();
  await expect(page.getByText(/Verzonden aan \d+ leden/)).toBeVisible();
  const mail = await mailbox.waitFor(
    "iris.kuipers@organen.zhn.demo",
    /^Uitnodiging: Medische raad, Extra vergadering/,
  );
  expect(mail.text).toContain("1. Opening en mededelingen (ter informatie, 5 min)");
  expect(mail.text).toContain("3. Vertrouwelijk agendapunt (in Regiotafel)");
  expect(mail.text).not.toContain("Voordracht");
  // The agenda and its documents come along as one PDF.
  expect(mail.attachments.find((a) => a.contentType === "application/pdf")?.filename).toMatch(
    /^Agenda Medische raad .*\.pdf$/,
  );
  // iCalendar folds long lines; unfold them to read the fields.
  const unfold = (text = "") => text.replace(/\r\n /g, "");
  const ics = unfold(
    mail.attachments.find((a) => a.contentType.startsWith("text/calendar"))?.content.toString(),
  );
  expect(ics).toContain("METHOD:REQUEST");
  expect(ics).toContain("SUMMARY:Medische raad: Extra vergadering wondzorg");
  await expect(page.getByRole("button", { name: "Gewijzigde agenda opnieuw verzenden" })).toBeVisible();

  // Attendance: the quorum follows the members present.
  await expect(page.getByText(/Quorum niet gehaald: 0 van \d+ stemgerechtigde leden aanwezig/)).toBeVisible();
  for (const name of ["Annelies de Ruiter", "Marloes Verbeek", "Joost Vermeulen", "Iris Kuipers"])
    await page
      .getByRole("radiogroup", { name: `Aanwezigheid: ${name}` })
      .getByRole("radio", { name: "Aanwezig" })
      .check();
  await page
    .getByRole("radiogroup", { name: "Aanwezigheid: Lotte Schouten" })
    .getByRole("radio", { name: "Afgemeld" })
    .check();
  await page.getByRole("button", { name: "Aanwezigheid opslaan" }).click();
  await expect(page.getByText(/Quorum gehaald: 4 van \d+ stemgerechtigde leden aanwezig/)).toBeVisible();
  await axeClean(page);
});

test("two people build the same agenda: the second gets a conflict and sees the first one's item", async ({
  browser,
}) => {
  const first = await newPage(browser);
  const second = await newPage(browser);
  for (const [page, who] of [
    [first, "medewerker@zhn.demo"],
    [second, "beheerder@zhn.demo"],
  ] as const) {
    await logIn(page, who);
    await page.getByRole("link", { name: "Vergaderingen" }).click();
    await page.getByRole("link", { name: "Stuurgroep transitie" }).click();
    await expect(page.getByRole("heading", { name: "Stuurgroep transitie", level: 2 })).toBeVisible();
  }
  const add = async (page: typeof first, title: string) => {
    await page.getByRole("button", { name: "Agendapunt toevoegen" }).click();
    const form = page.getByRole("form", { name: "Agendapunt toevoegen" });
    await form.getByRole("textbox", { name: "Titel" }).fill(title);
    await form.getByRole("button", { name: "Agendapunt toevoegen" }).click();
  };
  await add(first, "Communicatie naar de leden");
  await expect(first.getByText("5. Communicatie naar de leden")).toBeVisible();
  await add(second, "Rondvraag");
  await expect(second.getByText(/Iemand anders heeft de agenda intussen gewijzigd/)).toBeVisible();
  await expect(second.getByText("5. Communicatie naar de leden")).toBeVisible();
  await expect(second.getByText("Rondvraag")).toHaveCount(0);
  // The confidential item shows to the bureau.
  await expect(second.getByText("Benoeming kwartiermaker coöperatie")).toBeVisible();
  await axeClean(second);
});

test("a member sees her own meetings and subscribes her calendar to them", async ({ browser }) => {
  const page = await newPage(browser);
  await logIn(page, "lid@zhn.demo");
  await page.getByRole("link", { name: "Vergaderingen" }).click();
  await expect(page.getByRole("radio", { name: "Mijn vergaderingen" })).toBeChecked();
  await expect(page.getByRole("link", { name: "Werkgroep deskundigheidsbevordering" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Stuurgroep transitie" })).toHaveCount(0);
  await axeClean(page);
  await page.getByText("Alle vergaderingen", { exact: true }).click();
  await page.getByRole("link", { name: "Stuurgroep transitie" }).click();
  // Not a member of the stuurgroep: the confidential item shows only as such, and nothing to edit.
  await expect(page.getByText("Vertrouwelijk agendapunt")).toBeVisible();
  await expect(page.getByText("Benoeming kwartiermaker")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Agendapunt toevoegen" })).toHaveCount(0);
  await axeClean(page);

  await page.getByRole("link", { name: "Mijn profiel" }).click();
  await page.getByRole("button", { name: "Agendalink maken" }).click();
  const url = await page.getByRole("textbox", { name: "Uw agendalink" }).inputValue();
  expect(url).toMatch(/\/api\/v1\/calendar\/cal_[\w-]+\.ics$/);
  await axeClean(page);
  const feed = await page.request.get(new URL(url).pathname);
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  expect((await feed.text()).replace(/\r\n /g, "")).toContain(
    "SUMMARY:Werkgroep Deskundigheidsbevordering: Werkgroep deskundigheidsbevordering",
  );
});

/** Markdown that tries to run script: every line must end up harmless on the page. */
const XSS = [
  "<script>window.__xss = 'script'</script>",
  '<img src="x" onerror="window.__xss = \'img\'">',
  "<iframe src=\"javascript:window.__xss = 'iframe'\"></iframe>",
  "<svg onload=\"window.__xss = 'svg'\"></svg>",
  "[klik hier](javascript:window.__xss='link')",
  "[of hier](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "![plaatje](javascript:window.__xss='image')",
  "<a href=\"javascript:window.__xss='anchor'\">anker</a>",
];

test("the secretary writes last month's minutes with two decisions and three actions, and the next meeting approves them", async ({
  browser,
}) => {
  const page = await newPage(browser);
  await logIn(page, "medewerker@zhn.demo");
  await page.getByRole("link", { name: "Vergaderingen" }).click();
  await page.getByText("Geweest", { exact: true }).click();
  await choose(page.getByRole("combobox", { name: "Orgaan" }), "Medische raad", { search: "Medische" });
  await page.getByRole("link", { name: "Vergadering medische raad" }).first().click();
  const minutes = page.getByRole("region", { name: "Notulen" });
  await expect(minutes.getByText("De voorzitter opent de vergadering om 19.30 uur")).toBeVisible();

  await minutes.getByRole("button", { name: "Notulen schrijven" }).click();
  const text = minutes.getByRole("textbox", { name: "Notulen (Markdown)" });
  await text.fill(`## Besluiten\n\nDe raad besluit **unaniem**.\n\n${XSS.join("\n\n")}\n`);
  await minutes.getByRole("tab", { name: "Voorbeeld" }).click();
  await expect(minutes.getByRole("heading", { name: "Besluiten" })).toBeVisible();
  await minutes.getByRole("tab", { name: "Schrijven" }).click();
  await minutes.getByRole("button", { name: "Notulen opslaan" }).click();
  await expect(minutes.getByRole("heading", { name: "Besluiten" })).toBeVisible();
  await expect(minutes.getByText("unaniem")).toBeVisible();
  // Nothing ran, and nothing that could run is on the page.
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  expect(await minutes.locator("script, iframe, [onload], [onerror]").count()).toBe(0);
  await expect(minutes.getByRole("link", { name: "klik hier" })).toBeVisible();
  for (const link of await minutes.locator("a, img").all())
    expect((await link.getAttribute("href")) ?? (await link.getAttribute("src")) ?? "").not.toMatch(
      /^\s*(javascript|data):/i,
    );
  await axeClean(page);

  // Two decisions, numbered for the medische raad this year.
  for (const [decision, item] of [
    ["Het advies over wondzorg gaat naar het bestuur.", "3. Adviesnotitie wondzorg in de wijk"],
    ["De afspraken medicatieoverdracht gaan naar de ALV.", "4. Regionale afspraken medicatieoverdracht"],
  ] as const) {
    await page.getByRole("button", { name: "Besluit vastleggen" }).click();
    const form = page.getByRole("form", { name: "Besluit vastleggen" });
    await form.getByRole("textbox", { name: "Besluit" }).fill(decision);
    await choose(form.getByRole("combobox", { name: "Bij agendapunt" }), item);
    await form.getByRole("button", { name: "Besluit vastleggen" }).click();
    await expect(page.getByRole("row", { name: new RegExp(`MR-\\d{4}-\\d{3} ${decision}`) })).toBeVisible();
  }

  // Three actions, each with an owner and a due date.
  for (const [description, owner] of [
    ["Advies wondzorg aan het bestuur sturen", "Annelies de Ruiter"],
    ["Reacties apothekers verzamelen", "Joost Vermeulen"],
    ["Scholingsavond wondzorg voorbereiden", "Iris Kuipers"],
  ] as const) {
    await page.getByRole("button", { name: "Actiepunt vastleggen" }).click();
    const form = page.getByRole("form", { name: "Actiepunt vastleggen" });
    await form.getByRole("textbox", { name: "Wat" }).fill(description);
    await choose(form.getByRole("combobox", { name: "Wie" }), owner, { search: owner.split(" ").at(-1)! });
    await form.getByRole("button", { name: "Actiepunt vastleggen" }).click();
    await expect(page.getByRole("row", { name: new RegExp(description) })).toBeVisible();
  }
  await axeClean(page);

  // Approved in the next meeting: from then on the minutes and decisions are locked.
  await choose(
    minutes.getByRole("combobox", { name: "Vastgesteld in de vergadering van" }),
    /Vergadering medische raad/,
  );
  await minutes.getByRole("button", { name: "Notulen vaststellen" }).click();
  await expect(minutes.getByText(/Vastgesteld in de vergadering van/)).toBeVisible();
  await expect(minutes.getByRole("button", { name: "Notulen schrijven" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Besluit vastleggen" })).toHaveCount(0);

  // The minutes as a PDF for the archive.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Notulen (PDF)" }).click();
  expect((await download).suggestedFilename()).toMatch(/^notulen_Medische_raad_\d{4}-\d{2}-\d{2}\.pdf$/);

  await page.getByRole("link", { name: "Besluiten" }).click();
  await expect(page.getByRole("heading", { name: "Besluitenlijst" })).toBeVisible();
  await expect(page.getByText("Het advies over wondzorg gaat naar het bestuur.")).toBeVisible();
  await axeClean(page);
  await page.getByRole("link", { name: "Acties" }).click();
  await expect(page.getByText("Scholingsavond wondzorg voorbereiden")).toBeVisible();
  await axeClean(page);
});
