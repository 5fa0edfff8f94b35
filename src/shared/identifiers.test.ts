import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normaliseAgb, normaliseBig, normaliseKvk, normalisePostcode } from "./identifiers";

describe("Dutch identifiers", () => {
  it("writes every valid postcode as 1234 AB, however it was typed", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.constantFrom(..."ABCEFGHJKLMNPRTVWXZ"),
        fc.constantFrom(..."ABCDEFGHJKLMNPRTUVWXZ"),
        fc.constantFrom("", " "),
        fc.boolean(),
        (digits, first, second, gap, lower) => {
          const letters = lower ? `${first}${second}`.toLowerCase() : `${first}${second}`;
          expect(normalisePostcode(` ${digits}${gap}${letters} `)).toBe(`${digits} ${first}${second}`);
        },
      ),
    );
  });

  it("refuses postcodes with a leading zero, the letters SA, SD or SS, or the wrong shape", () => {
    for (const bad of [
      "0123 AB",
      "1234 SA",
      "1234 sd",
      "1234 SS",
      "123 AB",
      "12345 AB",
      "1234 A",
      "1234-AB",
      "",
    ])
      expect(normalisePostcode(bad), bad).toBeNull();
  });

  it("takes AGB, KvK and BIG numbers with spaces, dots or dashes and keeps only the digits", () => {
    expect(normaliseAgb("01-23.45 67")).toBe("01234567");
    expect(normaliseKvk("1234 5678")).toBe("12345678");
    expect(normaliseBig("123.456.789.01")).toBe("12345678901");
    expect(normaliseAgb("1234567")).toBeNull();
    expect(normaliseKvk("1234567a")).toBeNull();
    expect(normaliseBig("1234567890")).toBeNull();
  });
});
