import { z } from "zod";

export type Lang = "nl" | "en";

/** Server-side messages (problem titles and details), Dutch first. */
const messages = {
  nl: {
    "problem.badRequest": "De aanvraag is ongeldig",
    "problem.validation": "Een of meer velden zijn ongeldig",
    "problem.unauthorized": "U bent niet ingelogd",
    "problem.forbidden": "U heeft geen toestemming voor deze handeling",
    "problem.csrf": "De beveiligingscode (CSRF) ontbreekt of klopt niet; vernieuw de pagina",
    "problem.notFound": "Niet gevonden",
    "problem.conflict": "Iemand anders heeft dit intussen gewijzigd; bekijk de huidige versie",
    "problem.duplicate": "Dit bestaat al",
    "problem.tooLarge": "Het bestand of de aanvraag is te groot",
    "problem.unsupportedMedia": "Dit type inhoud wordt niet ondersteund",
    "problem.rateLimited": "Te veel pogingen; probeer het over een minuut opnieuw",
    "problem.internal": "Er ging iets mis aan onze kant; de wijziging is niet opgeslagen",
    "problem.malformedJson": "De aanvraag bevat geen geldige JSON",
    "auth.invalidCredentials": "E-mailadres of wachtwoord klopt niet",
    "auth.locked":
      "Dit account is tijdelijk geblokkeerd na te veel mislukte pogingen; probeer het over 15 minuten opnieuw",
    "auth.totpRequired": "Voer de code uit uw authenticator-app in",
    "auth.totpInvalid": "De code klopt niet",
    "auth.tokenInvalid": "Deze link is ongeldig of verlopen",
    "auth.wrongPassword": "Het huidige wachtwoord klopt niet",
    "auth.deactivated": "Dit account is gedeactiveerd",
    "field.passwordTooWeak": "Kies een wachtwoord van minstens 10 tekens",
    "field.emailTaken": "Er bestaat al een account met dit e-mailadres",
    "field.cursor": "Deze vervolgcursor is ongeldig",
    "field.version": "Versie ontbreekt of is ongeldig",
    "field.lastBeheerder": "Een regio houdt minstens één actieve beheerder",
    "field.fileType": "Dit bestandstype is niet toegestaan",
    "field.postcode": "Vul een postcode in als 1234 AB",
    "field.agb": "Een AGB-code heeft 8 cijfers",
    "field.kvk": "Een KvK-nummer heeft 8 cijfers",
    "field.cbsGemeente": "Een CBS-gemeentecode is GM gevolgd door 4 cijfers",
    "field.cbsWijk": "Een CBS-wijkcode is WK gevolgd door 6 cijfers",
    "field.parentNotFound": "Deze bovenliggende organisatie bestaat niet in uw regio",
    "field.parentCycle": "Een organisatie kan niet onder zichzelf of onder een eigen onderdeel vallen",
    "field.hasChildren":
      "Aan deze organisatie hangen nog onderdelen, mensen of opgegane organisaties; verplaats die eerst",
    "field.periodOrder": "De einddatum ligt vóór de begindatum",
    "field.organisationNotFound": "Deze organisatie bestaat niet in uw regio",
    "field.big": "Een BIG-nummer heeft 11 cijfers",
    "field.membershipBody": "Leden horen bij een coöperatie, vereniging, zorggroep of WSV",
    "field.oneMember": "Kies een persoon of een organisatie als lid, niet allebei",
    "field.personNotFound": "Deze persoon bestaat niet in uw regio",
    "field.seatNotFound": "Deze zetel bestaat niet in uw regio",
    "field.memberOfItself": "Een organisatie kan geen lid van zichzelf zijn",
    "field.fileEmpty": "Het bestand is leeg of bevat alleen een kopregel",
    "field.fileNoHeader": "De eerste regel van het bestand moet de kolomnamen bevatten",
    "field.fileDuplicateHeader": "Twee kolommen hebben dezelfde naam; geef elke kolom een eigen naam",
    "field.columnMissing": "Deze kolom ontbreekt in het bestand",
    "field.notNetwork": "Alleen een wijksamenwerkingsverband (WSV) dekt wijken",
    "field.wijkNotFound": "Een of meer wijken bestaan niet in het werkgebied; importeer ze eerst",
    "field.mergeIntoItself": "Een organisatie kan niet in zichzelf opgaan",
    "field.mergeIntoPart": "Een organisatie kan niet opgaan in een van haar eigen onderdelen",
    "field.mergeInactive": "Deze organisatie is al opgegaan in een andere of beëindigd",
    "field.representsOne":
      "Een zetel vertegenwoordigt één organisatie, één discipline of één achterban, niet meer",
    "field.termOverlap": "Deze termijn overlapt met een andere termijn van dezelfde zetel",
    "field.termLimit":
      "Deze persoon heeft het maximale aantal aaneengesloten termijnen op deze zetel al vervuld",
    "field.alreadyErased": "De gegevens van deze persoon zijn al verwijderd",
    "field.meetingPeriod": "De vergadering eindigt vóór ze begint",
    "field.meetingCancelled": "Deze vergadering is afgelast",
    "field.meetingPast": "Deze vergadering heeft al plaatsgevonden en kan niet meer worden afgelast",
    "field.notAMember": "Deze persoon heeft op de vergaderdatum geen zetel in dit orgaan",
    "field.agendaOrder": "Geef elk agendapunt van deze vergadering precies één keer op",
    "field.noRecipients": "Geen van de leden heeft een e-mailadres; vul die eerst in",
    "field.minutesApproved":
      "De notulen van deze vergadering zijn vastgesteld en kunnen niet meer veranderen",
    "field.minutesEmpty": "Er zijn nog geen notulen om vast te stellen",
    "field.approvingMeeting": "Notulen worden vastgesteld in een latere vergadering van hetzelfde orgaan",
    "field.proposalNotDraft": "Deze stemming is al geopend: het voorstel en de regels liggen vast",
    "field.proposalNotOpen": "Over dit voorstel wordt nu niet gestemd",
    "field.proposalClosed": "De stemming is gesloten; de uitslag ligt vast en verandert niet meer",
    "field.votingWindow": "Online stemmen kan alleen tussen de opening en de sluiting van de stemming",
    "field.votingStillOpen": "De stemtermijn loopt nog; sluit de stemming na de sluitingstijd",
    "field.votingMode.meeting":
      "Over dit voorstel wordt in de vergadering gestemd; het bureau legt de stemmen vast",
    "field.votingMode.online": "Bij een online stemming brengen de stemgerechtigden zelf hun stem uit",
    "field.alreadyVoted": "Voor deze stem is al gestemd; een tweede stem telt niet",
    "field.notAVoter":
      "Deze stem is niet van u: u hebt geen zetel met stemrecht in dit orgaan of geen volmacht ervoor",
    "field.proxyGiven": "Voor deze stem is een volmacht gegeven; de gemachtigde stemt",
    "field.proxyToSelf": "Een volmacht aan uzelf kan niet",
    "field.proxyHolderNotVoter":
      "Een volmacht kan alleen naar iemand die zelf stemrecht heeft in deze stemming",
    "field.proxyChain":
      "Een volmacht gaat niet verder: wie een volmacht gaf, neemt er geen aan, en een gemachtigde geeft zijn stem niet door",
    "field.proxyLimit": "Deze gemachtigde heeft al het maximale aantal volmachten dat de statuten toestaan",
    "field.proxyExists": "Voor deze stem is al een volmacht gegeven",
    "field.noElectorate": "Niemand heeft vandaag stemrecht in dit orgaan (geen bezette zetels met stemrecht)",
    "field.choice": "Kies een van de opties van dit voorstel",
    "field.choicesNeeded": "Geef bij een keuze minstens twee opties, zonder onthouding",
    "field.closesAtNeeded": "Geef aan tot wanneer online gestemd kan worden",
    "field.closesAtPast": "De sluiting van de stemming moet in de toekomst liggen",
    "field.secretCounts": "De stemmen per optie moeten samen het aantal stemmers zijn",
    "field.consultationNotDraft": "Deze consultatie loopt al: de notitie en de vragen liggen vast",
    "field.consultationStep":
      "Een adviesnotitie gaat stap voor stap: concept, in consultatie, verwerkt, ter besluitvorming, besloten",
    "field.audienceAll": "Een consultatie van alle leden gaat naar iedereen; kies geen verenigingen of WSV's",
    "field.audienceKind.associations": "Kies alleen monodisciplinaire verenigingen uit uw regio",
    "field.audienceKind.networks": "Kies alleen wijksamenwerkingsverbanden (WSV's) uit uw regio",
    "field.deadlineNeeded": "Geef aan tot en met welke dag de leden kunnen reageren",
    "field.deadlinePast": "De reactietermijn moet vandaag of later aflopen",
    "field.noInvitees": "Niemand valt vandaag onder deze doelgroep; controleer de lidmaatschappen",
    "field.decidingBodyNeeded": "Geef aan welk orgaan over de notitie besluit",
    "field.meetingOfDecidingBody": "Kies een vergadering van het orgaan dat besluit",
    "field.commentsUnhandled":
      "Nog niet elke opmerking is verwerkt; geef bij elke opmerking aan wat ermee gedaan is",
    "field.decisionOfDecidingBody": "Kies een besluit van het orgaan dat over de notitie besluit",
    "field.consultationNotOpen": "Op deze notitie kan nu niet gereageerd worden",
    "field.deadlinePassed": "De reactietermijn is verlopen",
    "field.notInvited": "Deze persoon is niet gevraagd om op deze notitie te reageren",
    "field.answerEveryQuestion": "Geef bij elke vraag aan hoeveel u de notitie steunt",
    "field.resultsNotYet": "De uitslag is zichtbaar zodra de consultatie verwerkt is",
    "field.commentsFixed": "De notitie ligt ter besluitvorming; de verwerking van de opmerkingen ligt vast",
    "field.noComment": "Bij deze vraag heeft deze persoon geen opmerking gemaakt",
    "field.documentPlace": "Geef aan bij welk orgaan, welke vergadering of welk agendapunt het stuk hoort",
    "field.proposalNotClosed": "Een uitslag wordt pas een besluit als de stemming gesloten is",
    "field.proposalWithoutMeeting":
      "Dit voorstel hoort bij geen vergadering; een besluit krijgt zijn nummer in een vergadering",
    "field.decisionRecorded": "De uitslag van dit voorstel staat al in de besluitenlijst",
    "field.agendaItemNeedsMeeting": "Kies eerst de vergadering waarvan dit agendapunt is",
    "field.bodyCode": "Hoofdletters en cijfers, beginnend met een letter, hooguit 8 (bijv. ST of WGICT)",
    "field.bodyCodeTaken": "Een ander orgaan nummert zijn besluiten al met deze code",
    "field.seatHasHistory":
      "Op deze zetel heeft iemand gezeten of er hangt een mandaat aan; hij blijft voor de geschiedenis",
    "field.seatAbolished": "Deze zetel is (per die datum) opgeheven",
    "field.seatTermsAfterAbolition":
      "Op deze zetel is vanaf die datum al iemand benoemd; maak die benoeming eerst ongedaan",
    "field.planAdopted":
      "Dit regioplan is vastgesteld en ligt vast; maak een nieuwe versie om het te wijzigen",
    "field.planNotAdopted": "Alleen van een vastgesteld regioplan maakt u een nieuwe versie",
    "field.planHasRevision": "Van dit regioplan bestaat al een nieuwere versie",
    "field.planWithoutPolicyAreas": "Geef het regioplan eerst ten minste één beleidsterrein",
    "field.planTooLong": "Een regioplan beslaat hooguit tien jaar",
    "field.projectLeaderOwn": "Alleen het bureau draagt een project over aan een andere projectleider",
    "field.areaNameTaken": "Deze naam komt hier al voor",
    "field.importNotUndoable":
      "Alleen een geslaagde import die nog niet is teruggedraaid, kan ongedaan worden gemaakt",
    "field.importInUse.organisations":
      "Er hangt intussen iets aan organisaties uit deze import (onderdelen, mensen of leden); er is niets verwijderd",
    "field.importInUse.persons":
      "Mensen uit deze import werken intussen ergens of zijn lid; er is niets verwijderd",
    "import.kind": "Onbekende soort organisatie, bijvoorbeeld Huisartsenpraktijk, Apotheek of Fysiotherapie",
    "import.email": "Geen geldig e-mailadres",
    "import.website": "Een website begint met http:// of https://",
    "import.parentUnknown": "Deze bovenliggende organisatie (naam of AGB-code) bestaat niet in uw regio",
    "import.municipality":
      "Onbekende gemeente; gebruik de naam of de CBS-code (GM0000) van een gemeente in het werkgebied",
    "import.duplicate.organisations": "Bestaat al (zelfde AGB-code, KvK-nummer of naam en postcode)",
    "import.duplicate.persons": "Bestaat al (zelfde BIG-nummer, AGB-code of e-mailadres)",
    "import.duplicate.workRelations":
      "Deze werkrelatie bestaat al (zelfde persoon, organisatie en begindatum)",
    "import.duplicate.memberships":
      "Dit lidmaatschap bestaat al (zelfde lid sinds dezelfde datum, of nog lopend zonder einddatum)",
    "import.discipline":
      "Onbekende discipline, bijvoorbeeld Huisarts, POH-GGZ of Fysiotherapeut (meerdere gescheiden door komma's)",
    "import.visibility": "Zichtbaar voor: bureau, leden of partners",
    "import.fte": "FTE is een getal van 0,01 tot 1,5 (of een percentage)",
    "import.date": "Geen geldige datum; schrijf bijvoorbeeld 31-01-2026 of 2026-01-31",
    "import.oneMember": "Vul óf een persoon óf een organisatie als lid in",
    "import.membershipType": "Soort lidmaatschap: lid, aspirant-lid of buitengewoon lid",
    "import.personUnknown":
      "Deze persoon (BIG-nummer, AGB-code, e-mailadres of naam) bestaat niet in uw regio",
    "import.personAmbiguous": "Meerdere personen hebben deze naam; gebruik het BIG-nummer of e-mailadres",
    "import.organisationUnknown": "Deze organisatie (naam, AGB-code of KvK-nummer) bestaat niet in uw regio",
    "import.organisationAmbiguous":
      "Meerdere organisaties hebben deze naam; gebruik de AGB-code of het KvK-nummer",
    "import.row": "rij",
    "import.formula": "Formules worden niet ingelezen; zet de waarde zelf in de cel",
    "import.cbsCode": "Geen CBS-code: GM0000, WK000000 of BU00000000",
    "import.duplicateInFile": "Deze code staat twee keer in het bestand",
    "import.outsideWerkgebied": "Deze gemeente hoort niet bij het werkgebied van de regio",
    "import.required": "Dit veld is verplicht",
    "import.tooLong": "Deze waarde is te lang",
    "import.inhabitants": "Het aantal inwoners is geen geheel getal",
    "import.wijkUnknown": "De wijk van deze buurt staat niet in het bestand en is nog niet geïmporteerd",
  },
  en: {
    "problem.badRequest": "The request is invalid",
    "problem.validation": "One or more fields are invalid",
    "problem.unauthorized": "You are not logged in",
    "problem.forbidden": "You are not allowed to do this",
    "problem.csrf": "The security code (CSRF) is missing or wrong; reload the page",
    "problem.notFound": "Not found",
    "problem.conflict": "Someone else changed this in the meantime; look at the current version",
    "problem.duplicate": "This already exists",
    "problem.tooLarge": "The file or request is too large",
    "problem.unsupportedMedia": "This content type is not supported",
    "problem.rateLimited": "Too many attempts; try again in a minute",
    "problem.internal": "Something went wrong on our side; the change was not saved",
    "problem.malformedJson": "The request does not contain valid JSON",
    "auth.invalidCredentials": "E-mail address or password is wrong",
    "auth.locked": "This account is locked for 15 minutes after too many failed attempts",
    "auth.totpRequired": "Enter the code from your authenticator app",
    "auth.totpInvalid": "The code is wrong",
    "auth.tokenInvalid": "This link is invalid or has expired",
    "auth.wrongPassword": "The current password is wrong",
    "auth.deactivated": "This account has been deactivated",
    "field.passwordTooWeak": "Choose a password of at least 10 characters",
    "field.emailTaken": "An account with this e-mail address already exists",
    "field.cursor": "This cursor is invalid",
    "field.version": "Version is missing or invalid",
    "field.lastBeheerder": "A region keeps at least one active beheerder",
    "field.fileType": "This file type is not allowed",
    "field.postcode": "Enter a postcode like 1234 AB",
    "field.agb": "An AGB code has 8 digits",
    "field.kvk": "A KvK number has 8 digits",
    "field.cbsGemeente": "A CBS municipality code is GM followed by 4 digits",
    "field.cbsWijk": "A CBS district code is WK followed by 6 digits",
    "field.parentNotFound": "This parent organisation does not exist in your region",
    "field.parentCycle": "An organisation cannot be placed under itself or under one of its own parts",
    "field.hasChildren":
      "Parts, people or merged organisations still hang on this organisation; move those first",
    "field.periodOrder": "The end date is before the start date",
    "field.organisationNotFound": "This organisation does not exist in your region",
    "field.big": "A BIG number has 11 digits",
    "field.membershipBody": "Members belong to a cooperative, association, care group or WSV",
    "field.oneMember": "Choose a person or an organisation as member, not both",
    "field.personNotFound": "This person does not exist in your region",
    "field.seatNotFound": "This seat does not exist in your region",
    "field.memberOfItself": "An organisation cannot be a member of itself",
    "field.fileEmpty": "The file is empty or holds only a header row",
    "field.fileNoHeader": "The first row of the file must hold the column names",
    "field.fileDuplicateHeader": "Two columns have the same name; give each column its own name",
    "field.columnMissing": "This column is missing from the file",
    "field.notNetwork": "Only a neighbourhood network (WSV) covers districts",
    "field.wijkNotFound": "One or more districts do not exist in the service area; import them first",
    "field.mergeIntoItself": "An organisation cannot merge into itself",
    "field.mergeIntoPart": "An organisation cannot merge into one of its own parts",
    "field.mergeInactive": "This organisation has already merged into another or has ended",
    "field.representsOne": "A seat represents one organisation, one discipline or one constituency, not more",
    "field.termOverlap": "This term overlaps another term of the same seat",
    "field.termLimit": "This person has already served the maximum number of consecutive terms on this seat",
    "field.alreadyErased": "This person's data has already been erased",
    "field.meetingPeriod": "The meeting ends before it starts",
    "field.meetingCancelled": "This meeting has been cancelled",
    "field.meetingPast": "This meeting has already taken place and can no longer be cancelled",
    "field.notAMember": "This person has no seat in this body on the meeting's date",
    "field.agendaOrder": "List every agenda item of this meeting exactly once",
    "field.noRecipients": "None of the members has an e-mail address; fill those in first",
    "field.minutesApproved": "The minutes of this meeting have been approved and can no longer change",
    "field.minutesEmpty": "There are no minutes to approve yet",
    "field.approvingMeeting": "Minutes are approved in a later meeting of the same body",
    "field.proposalNotDraft": "This vote has been opened: the proposal and its rules are fixed",
    "field.proposalNotOpen": "This proposal is not being voted on now",
    "field.proposalClosed": "The vote is closed; its result is final",
    "field.votingWindow": "Online votes can only be cast between the opening and the closing of the vote",
    "field.votingStillOpen": "The voting period is still running; close the vote after its closing time",
    "field.votingMode.meeting": "This proposal is voted on in the meeting; the bureau records the votes",
    "field.votingMode.online": "In an online vote the voters cast their votes themselves",
    "field.alreadyVoted": "This vote has already been cast; a second vote does not count",
    "field.notAVoter": "This vote is not yours: you hold no voting seat in this body or no proxy for it",
    "field.proxyGiven": "A proxy has been given for this vote; the proxy holder votes",
    "field.proxyToSelf": "You cannot give a proxy to yourself",
    "field.proxyHolderNotVoter": "A proxy can only go to someone who has a vote in this ballot",
    "field.proxyChain":
      "A proxy goes no further: whoever gave a proxy takes none, and a proxy holder does not pass their vote on",
    "field.proxyLimit": "This proxy holder already holds as many proxies as the articles allow",
    "field.proxyExists": "A proxy has already been given for this vote",
    "field.noElectorate": "Nobody has a vote in this body today (no voting seats held)",
    "field.choice": "Choose one of this proposal's options",
    "field.choicesNeeded": "A choice needs at least two options, abstention not included",
    "field.closesAtNeeded": "Say until when votes can be cast online",
    "field.closesAtPast": "The vote must close in the future",
    "field.secretCounts": "The votes per option must add up to the number of voters",
    "field.consultationNotDraft": "This consultation is under way: the paper and its questions are fixed",
    "field.consultationStep":
      "An advisory paper goes step by step: draft, in consultation, processed, for decision, decided",
    "field.audienceAll": "A consultation of all members goes to everyone; choose no associations or networks",
    "field.audienceKind.associations": "Choose only professional associations of your region",
    "field.audienceKind.networks": "Choose only neighbourhood networks (WSVs) of your region",
    "field.deadlineNeeded": "Say until which day members can respond",
    "field.deadlinePast": "The response period must end today or later",
    "field.noInvitees": "Nobody belongs to this audience today; check the memberships",
    "field.decidingBodyNeeded": "Say which body decides on the paper",
    "field.meetingOfDecidingBody": "Choose a meeting of the body that decides",
    "field.commentsUnhandled": "Not every comment has been handled yet; say for each what was done with it",
    "field.decisionOfDecidingBody": "Choose a decision of the body that decides on the paper",
    "field.consultationNotOpen": "Responses to this paper are not possible now",
    "field.deadlinePassed": "The response period has ended",
    "field.notInvited": "This person was not asked to respond to this paper",
    "field.answerEveryQuestion": "Say for every question how much you support the paper",
    "field.resultsNotYet": "The results are visible once the consultation has been processed",
    "field.commentsFixed": "The paper is up for decision; how its comments were handled is fixed",
    "field.noComment": "This person made no comment on this question",
    "field.documentPlace": "Say which body, meeting or agenda item the document belongs to",
    "field.proposalNotClosed": "A result becomes a decision only once the vote is closed",
    "field.proposalWithoutMeeting":
      "This proposal belongs to no meeting; a decision is numbered in a meeting",
    "field.decisionRecorded": "The result of this proposal is already in the list of decisions",
    "field.agendaItemNeedsMeeting": "Choose the meeting this agenda item belongs to first",
    "field.bodyCode": "Capitals and digits, starting with a letter, at most 8 (e.g. ST or WGICT)",
    "field.bodyCodeTaken": "Another body already numbers its decisions with this code",
    "field.seatHasHistory": "Someone has held this seat or a mandate refers to it; it stays for the record",
    "field.seatAbolished": "This seat is abolished (as of that date)",
    "field.seatTermsAfterAbolition":
      "Someone is already appointed to this seat from that date; undo that first",
    "field.planAdopted": "This regional plan has been adopted and is fixed; make a new version to change it",
    "field.planNotAdopted": "Only an adopted regional plan can get a new version",
    "field.planHasRevision": "A newer version of this regional plan already exists",
    "field.planWithoutPolicyAreas": "Give the regional plan at least one policy area first",
    "field.planTooLong": "A regional plan covers at most ten years",
    "field.projectLeaderOwn": "Only the bureau hands a project to another project leader",
    "field.areaNameTaken": "This name is already used here",
    "field.importNotUndoable": "Only a successful import that has not been undone can be undone",
    "field.importInUse.organisations":
      "Something now depends on organisations from this import (parts, people or members); nothing was removed",
    "field.importInUse.persons":
      "People from this import now work somewhere or are members; nothing was removed",
    "import.kind": "Unknown kind of organisation, for example Huisartsenpraktijk, Apotheek or Fysiotherapie",
    "import.email": "Not a valid e-mail address",
    "import.website": "A website starts with http:// or https://",
    "import.parentUnknown": "This parent organisation (name or AGB code) does not exist in your region",
    "import.municipality":
      "Unknown municipality; use the name or CBS code (GM0000) of a municipality in the service area",
    "import.duplicate.organisations": "Already exists (same AGB code, KvK number or name and postcode)",
    "import.duplicate.persons": "Already exists (same BIG number, AGB code or e-mail address)",
    "import.duplicate.workRelations":
      "This work relation already exists (same person, organisation and start date)",
    "import.duplicate.memberships":
      "This membership already exists (same member since the same date, or still running without an end date)",
    "import.discipline":
      "Unknown discipline, for example Huisarts, POH-GGZ or Fysiotherapeut (several separated by commas)",
    "import.visibility": "Visible to: bureau, leden (members) or partners",
    "import.fte": "FTE is a number from 0.01 to 1.5 (or a percentage)",
    "import.date": "Not a valid date; write for example 31-01-2026 or 2026-01-31",
    "import.oneMember": "Fill in either a person or an organisation as member",
    "import.membershipType": "Kind of membership: lid, aspirant-lid or buitengewoon lid",
    "import.personUnknown":
      "This person (BIG number, AGB code, e-mail address or name) does not exist in your region",
    "import.personAmbiguous": "Several people have this name; use the BIG number or e-mail address",
    "import.organisationUnknown":
      "This organisation (name, AGB code or KvK number) does not exist in your region",
    "import.organisationAmbiguous": "Several organisations have this name; use the AGB code or KvK number",
    "import.row": "row",
    "import.formula": "Formulas are not read; put the value itself in the cell",
    "import.cbsCode": "Not a CBS code: GM0000, WK000000 or BU00000000",
    "import.duplicateInFile": "This code occurs twice in the file",
    "import.outsideWerkgebied": "This municipality is not part of the region's service area",
    "import.required": "This field is required",
    "import.tooLong": "This value is too long",
    "import.inhabitants": "The number of inhabitants is not a whole number",
    "import.wijkUnknown": "This neighbourhood's district is not in the file and was not imported before",
  },
} as const;

export type MessageKey = keyof (typeof messages)["nl"];

export function t(lang: Lang, key: MessageKey): string {
  return messages[lang][key];
}

/** Picks nl or en from an Accept-Language header; Dutch unless English is preferred. */
export function langFrom(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return "nl";
  const ranked = acceptLanguage
    .split(",")
    .map((part) => {
      const [tag = "", q] = part.trim().split(";q=");
      return { tag: tag.toLowerCase(), q: q ? Number(q) : 1 };
    })
    .filter((x) => x.tag.startsWith("nl") || x.tag.startsWith("en"))
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.tag.startsWith("en") ? "en" : "nl";
}

const zodLocales = { nl: z.locales.nl().localeError, en: z.locales.en().localeError };

/** Renders a zod issue in the request's language (zod's own nl/en locales). */
export function zodMessage(lang: Lang, issue: z.core.$ZodIssue): string {
  // Messages we wrote ourselves (custom refinements) carry a message key.
  if (issue.message && issue.message in messages.nl) return t(lang, issue.message as MessageKey);
  const localized = zodLocales[lang](issue as never);
  return typeof localized === "string" ? localized : (localized?.message ?? issue.message);
}
