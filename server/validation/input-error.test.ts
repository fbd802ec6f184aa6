import { expect, it } from "vitest";
import { z } from "zod";
import { describeInputError } from "./input-error";
import { dayRange } from "./day";

it("says which field was refused and why, without zod's issue dump", () => {
  const schema = z.intersection(z.object({ adProfileId: z.uuid() }), dayRange);
  const error = schema.safeParse({ adProfileId: "nope", from: "2026-02-30", to: "2026-03-01" }).error!;
  const message = describeInputError(error);
  expect(message).toBe("The request was not accepted. adProfileId: Invalid UUID; from: Enter a real date as YYYY-MM-DD.");
  expect(message).not.toMatch(/[[{]|pattern|invalid_format/);
});

it("still says something when the whole input is refused", () => {
  expect(describeInputError(z.object({ a: z.string() }).safeParse("x").error!)).toBe(
    "The request was not accepted. Invalid input: expected object, received string",
  );
});
