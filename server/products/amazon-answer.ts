import type { z } from "zod";

/**
 * Reads an Amazon answer against what the product relies on, refusing one that does not fit in plain words
 * (which answer, which field) before anything is written.
 */
export async function readAnswer<T extends z.ZodType>(response: Response, schema: T, what: string): Promise<z.infer<T>> {
  const body: unknown = await response.json().catch(() => undefined);
  if (body === undefined) throw new Error(`Amazon's ${what} answer was not JSON; nothing was written.`);
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new Error(`Amazon's ${what} answer could not be read (${issue.path.join(".") || "answer"}: ${issue.message}); nothing was written.`);
}
