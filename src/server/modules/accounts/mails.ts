import type { Mail } from "../../platform/mail.js";

type Lang = "nl" | "en";

export function invitationMail(
  lang: Lang,
  p: { to: string; name: string; inviter: string; regionName: string; link: string },
): Mail {
  return lang === "en"
    ? {
        to: p.to,
        subject: `Invitation to Regiotafel of ${p.regionName}`,
        text: `Dear ${p.name},\n\n${p.inviter} invites you to Regiotafel of ${p.regionName}.\nChoose your password here (the link is valid for 7 days):\n\n${p.link}\n`,
      }
    : {
        to: p.to,
        subject: `Uitnodiging voor Regiotafel van ${p.regionName}`,
        text: `Beste ${p.name},\n\n${p.inviter} nodigt u uit voor Regiotafel van ${p.regionName}.\nKies hier uw wachtwoord (de link is 7 dagen geldig):\n\n${p.link}\n`,
      };
}

export function passwordResetMail(lang: Lang, p: { to: string; name: string; link: string }): Mail {
  return lang === "en"
    ? {
        to: p.to,
        subject: "Reset your Regiotafel password",
        text: `Dear ${p.name},\n\nSomeone asked to reset your password. If that was you, choose a new one here (valid for 1 hour):\n\n${p.link}\n\nIf not, ignore this mail; your password stays as it is.\n`,
      }
    : {
        to: p.to,
        subject: "Uw wachtwoord voor Regiotafel opnieuw instellen",
        text: `Beste ${p.name},\n\nEr is gevraagd uw wachtwoord opnieuw in te stellen. Was u dat, kies dan hier een nieuw wachtwoord (1 uur geldig):\n\n${p.link}\n\nWas u het niet, negeer dan deze e-mail; uw wachtwoord blijft zoals het is.\n`,
      };
}
