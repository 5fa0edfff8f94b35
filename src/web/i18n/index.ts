import i18next from "i18next";
import { initReactI18next, useTranslation } from "react-i18next";
import { setApiLanguage } from "../api";
import { en } from "./en";
import { type MessageKey, nl } from "./nl";

const stored = typeof localStorage !== "undefined" ? localStorage.getItem("regiotafel.lang") : null;
export const initialLanguage = stored === "en" ? "en" : "nl";

void i18next.use(initReactI18next).init({
  lng: initialLanguage,
  fallbackLng: "nl",
  resources: { nl: { translation: nl }, en: { translation: en } },
  interpolation: { escapeValue: false },
});
setApiLanguage(initialLanguage);

export function setLanguage(lang: "nl" | "en") {
  localStorage.setItem("regiotafel.lang", lang);
  setApiLanguage(lang);
  document.documentElement.lang = lang;
  void i18next.changeLanguage(lang);
}

/** `t` restricted to our message keys, so a typo is a type error. */
export function useT() {
  const { t, i18n } = useTranslation();
  return {
    t: (key: MessageKey, vars?: Record<string, string | number>) => t(key, vars ?? {}) as string,
    lang: (i18n.language === "en" ? "en" : "nl") as "nl" | "en",
  };
}

export const formatDateTime = (iso: string | null | undefined, lang: "nl" | "en") =>
  iso
    ? new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "nl-NL", {
        dateStyle: "short",
        timeStyle: "short",
        timeZone: "Europe/Amsterdam",
      }).format(new Date(iso))
    : "—";
/** The wall-clock time in the Netherlands of a moment (21:30). */
export const formatTime = (iso: string, lang: "nl" | "en") =>
  new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "nl-NL", {
    timeStyle: "short",
    timeZone: "Europe/Amsterdam",
  }).format(new Date(iso));
export const formatNumber = (n: number, lang: "nl" | "en") =>
  new Intl.NumberFormat(lang === "en" ? "en-GB" : "nl-NL").format(n);
/** A calendar date (`2026-03-01`) as people write it: 1-3-2026, or "—" when there is none. */
export const formatDate = (isoDate: string | null | undefined, lang: "nl" | "en") =>
  isoDate
    ? new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "nl-NL", {
        dateStyle: "medium",
        timeZone: "UTC",
      }).format(new Date(`${isoDate}T00:00:00Z`))
    : "—";
