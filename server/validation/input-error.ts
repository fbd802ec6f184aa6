import { z } from "zod";

const MAX_PARTS = 5;

/**
 * A refused input in a sentence the client may show: each field with its first complaint. zod's own
 * message is a JSON dump of its issues, patterns and internal codes included, which is neither.
 */
export function describeInputError(error: z.ZodError): string {
  const { formErrors, fieldErrors } = z.flattenError(error);
  const parts = [
    ...formErrors,
    ...Object.entries(fieldErrors as Record<string, string[] | undefined>).map(([field, messages]) => `${field}: ${messages?.[0] ?? "invalid"}`),
  ];
  const shown = parts.slice(0, MAX_PARTS).join("; ");
  return `The request was not accepted. ${shown || "Check what was sent."}`;
}
