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
export const formatNumber = (n: number, lang: "nl" | "en") =>
  new Intl.NumberFormat(lang === "en" ? "en-GB" : "nl-NL").format(n);
