import { useT } from "../../i18n";
import type { MessageKey } from "../../i18n/nl";

interface SeatLike {
  role: string;
  representsOrganisationName: string | null;
  representsDiscipline: string | null;
  representsConstituency: string | null;
}

/** A seat in words: its role, and on whose behalf it sits ("Lid namens de fysiotherapeuten"). */
export function useSeatLabel() {
  const { t } = useT();
  const roleLabel = useSeatRoleLabel();
  return (seat: SeatLike) => {
    const role = roleLabel(seat.role);
    const whom =
      seat.representsOrganisationName ??
      (seat.representsDiscipline
        ? t(`person.discipline.${seat.representsDiscipline}` as MessageKey)
        : seat.representsConstituency);
    return whom ? t("seat.on_behalf", { role, whom }) : role;
  };
}

/** A seat's role in words (Voorzitter, Lid, Adviseur, …). */
export function useSeatRoleLabel() {
  const { t } = useT();
  return (role: string) => t(`seat.role.${role}` as MessageKey);
}
