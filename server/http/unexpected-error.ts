import { DrizzleQueryError } from "drizzle-orm/errors";

/** What a client reads when something failed that it cannot act on: a bug, a database outage, a timeout. */
export const UNEXPECTED_ERROR_MESSAGE = "Something went wrong on our side. Try again; if it keeps happening, contact support.";

const MAX_CAUSES = 5;

/**
 * One line per error of the cause chain, for the server log. A failed Drizzle query is named by its SQL
 * only: its bound parameters can be refresh tokens, state hashes or emails, and logs travel further than
 * the database does.
 */
export function describeForLog(error: unknown): string {
  const lines: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < MAX_CAUSES; depth++) {
    if (current instanceof DrizzleQueryError) lines.push(`DrizzleQueryError: Failed query: ${current.query}`);
    else if (current instanceof Error) {
      const code = "code" in current && typeof current.code === "string" ? ` [${current.code}]` : "";
      lines.push(`${current.name}${code}: ${current.message}`);
    } else lines.push(`thrown: ${typeof current}`);
    current = current instanceof Error ? current.cause : undefined;
  }
  return lines.join("\n  caused by ");
}

/** Where it was thrown, without the message line that heads `stack` (for a failed query, SQL and parameters). */
function stackFrames(error: unknown): string {
  if (!(error instanceof Error) || !error.stack) return "";
  return error.stack
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .join("\n");
}

/** Logs an error the client is only told about in general terms, once, with where it happened. */
export function logUnexpectedError(where: string, error: unknown): void {
  const frames = stackFrames(error);
  console.error(`[${where}] unexpected error: ${describeForLog(error)}${frames ? `\n${frames}` : ""}`);
}
