import { describe, expect, it } from "vitest";
import { addAmounts, parseAmount, plainAmount, timesUnits } from "./money";

describe("exact unit-cost arithmetic", () => {
  it("adds and multiplies without floats", () => {
    expect(addAmounts("0.1000", "0.2000")).toBe("0.3000");
    expect(addAmounts("3.3333", "3.3333", "3.3334")).toBe("10.0000");
    expect(timesUnits("3.3333", 3)).toBe("9.9999");
    expect(timesUnits("99999999999999.9999", 1)).toBe("99999999999999.9999");
    expect(timesUnits("0.0001", 1_000_000)).toBe("100.0000");
  });

  it("shows a stored amount without its padding", () => {
    expect(plainAmount("12.5000")).toBe("12.5");
    expect(plainAmount("3.0000")).toBe("3");
    expect(plainAmount("0.0100")).toBe("0.01");
  });
});

describe("parseAmount: what a seller typed", () => {
  it("accepts plain decimals up to 4 places, normalized", () => {
    expect(parseAmount(" 12.5 ")).toEqual({ ok: true, value: "12.5000" });
    expect(parseAmount("007")).toEqual({ ok: true, value: "7.0000" });
    expect(parseAmount("0.1234")).toEqual({ ok: true, value: "0.1234" });
  });

  it("refuses, in words, what is not one", () => {
    const problem = (text: string, options = {}) => {
      const parsed = parseAmount(text, options);
      return parsed.ok ? null : parsed.problem;
    };
    expect(problem("-1")).toMatch(/negative/);
    expect(problem("12,50")).toMatch(/decimal point/);
    expect(problem("1,234.50")).toMatch(/thousands separator/);
    expect(problem("$12")).toMatch(/not a number.*currency sign/);
    expect(problem("abc")).toMatch(/not a number/);
    expect(problem("1.23456")).toMatch(/more than 4 decimal places/);
    expect(problem("123456789012345")).toMatch(/too large/);
    expect(problem("1e3")).toMatch(/not a number/);
  });

  it("takes a decimal comma from a semicolon-separated file", () => {
    expect(parseAmount("12,50", { decimalComma: true })).toEqual({ ok: true, value: "12.5000" });
  });
});
