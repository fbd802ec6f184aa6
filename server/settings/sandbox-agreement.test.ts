import { describe, expect, it } from "vitest";
import { SANDBOX_SETTINGS } from "~/sandbox/settings";
import { declarations } from "./catalog";

// The sandbox is a program of its own and declares its settings itself; the product declares the
// SANDBOX_* it documents and checks at `npm start` again. This keeps the two from drifting apart.
const SAMPLES = ["", "0", "1", "2.5", "-1", "8300", "70000", "abc", "tiny", "small", "big", "huge", " 3 "];
const productSandboxSettings = declarations().filter(([name]) => name.startsWith("SANDBOX_"));

describe("the product's SANDBOX_* declarations agree with the sandbox's own", () => {
  it("declares each one the sandbox reads", () => {
    expect(productSandboxSettings.length).toBeGreaterThan(0);
    for (const [name] of productSandboxSettings) expect(Object.keys(SANDBOX_SETTINGS), name).toContain(name);
  });

  it.each(productSandboxSettings)("%s: same default, same values accepted", (name, declaration) => {
    const own = SANDBOX_SETTINGS[name as keyof typeof SANDBOX_SETTINGS];
    expect(declaration.schema.parse(undefined)).toEqual(own.schema.parse(undefined));
    // The launcher must know the sandbox's port in advance, so it refuses the sandbox's "0 = any port".
    const samples = declaration.readBy.includes("launcher") ? SAMPLES.filter((sample) => sample !== "0") : SAMPLES;
    for (const sample of samples) {
      const ours = declaration.schema.safeParse(sample);
      const theirs = own.schema.safeParse(sample);
      expect(ours.success, `${name}=${JSON.stringify(sample)}`).toBe(theirs.success);
      if (ours.success) expect(ours.data, `${name}=${JSON.stringify(sample)}`).toEqual(theirs.data);
    }
  });
});
