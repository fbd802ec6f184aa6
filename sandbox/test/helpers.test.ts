import { describe, expect, it } from "vitest";
import { type AnyJson, validateResponse } from "./helpers";
import { formatMinor } from "../util/money";
import { Rng } from "../util/rng";

// The contract tests are only as good as the validator: prove it rejects bad bodies.
describe("schema validator", () => {
  it("rejects wrong types, missing required fields and undocumented properties", () => {
    const rel = "sp-api-models/sellers.json";
    const p = "/sellers/v1/marketplaceParticipations";
    const good = { payload: [{ marketplace: { id: "X", name: "n", countryCode: "US", defaultCurrencyCode: "USD", defaultLanguageCode: "en_US", domainName: "d" }, participation: { isParticipating: true, hasSuspendedListings: false }, storeName: "s" }] };
    expect(validateResponse(rel, p, "get", 200, good)).toEqual([]);
    const wrongType = structuredClone(good);
    (wrongType.payload[0]!.participation as AnyJson).isParticipating = "yes";
    expect(validateResponse(rel, p, "get", 200, wrongType).length).toBeGreaterThan(0);
    const extra = structuredClone(good);
    (extra.payload[0]!.marketplace as AnyJson).bogus = 1;
    expect(validateResponse(rel, p, "get", 200, extra).length).toBeGreaterThan(0);
    const missing = structuredClone(good);
    delete (missing.payload[0] as AnyJson).storeName;
    expect(validateResponse(rel, p, "get", 200, missing).length).toBeGreaterThan(0);
  });
});

describe("money and rng", () => {
  it("formats minor units without floats", () => {
    expect(formatMinor(12345, "USD")).toBe("123.45");
    expect(formatMinor(-5, "EUR")).toBe("-0.05");
    expect(formatMinor(1234, "JPY")).toBe("1234");
  });
  it("is deterministic per coordinates", () => {
    const a = new Rng("s", 1, "x");
    const b = new Rng("s", 1, "x");
    const c = new Rng("s", 2, "x");
    const va = [a.next(), a.next()];
    expect([b.next(), b.next()]).toEqual(va);
    expect(c.next()).not.toBe(va[0]);
  });
});
