/**
 * Dutch identifiers, validated the same way on the server and in the browser. Each `normalise…`
 * returns the canonical form, or null when the input is not a valid identifier.
 */

/** Postcode `1234 AB`: no leading zero, and SA, SD and SS are never issued. */
export function normalisePostcode(input: string): string | null {
  const m = /^\s*([1-9]\d{3})\s?([A-Za-z]{2})\s*$/.exec(input);
  if (!m) return null;
  const letters = m[2]!.toUpperCase();
  if (["SA", "SD", "SS"].includes(letters)) return null;
  return `${m[1]} ${letters}`;
}

const digits = (n: number) => (input: string) => {
  const compact = input.replace(/[\s.-]/g, "");
  return new RegExp(`^\\d{${n}}$`).test(compact) ? compact : null;
};

/** AGB-code (Vektis): 8 digits, the first two the kind of care provider. */
export const normaliseAgb = digits(8);
/** KvK-nummer: 8 digits. */
export const normaliseKvk = digits(8);
/** BIG-nummer: 11 digits. */
export const normaliseBig = digits(11);

/** CBS area codes: gemeente `GM0000`, wijk `WK000000`, buurt `BU00000000`. */
export const CBS_CODE = {
  gemeente: /^GM\d{4}$/,
  wijk: /^WK\d{6}$/,
  buurt: /^BU\d{8}$/,
} as const;
