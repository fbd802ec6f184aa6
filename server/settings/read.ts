import type { z } from "zod";
import { AMAZON_CREDENTIALS, declarations, SETTINGS, type SettingName, type SettingValue } from "./catalog";
import type { Declaration, Reader } from "./declaration";

type Environment = Readonly<Record<string, string | undefined>>;

export class SettingError extends Error {
  override name = "SettingError";
}

/** "<NAME> must be <allowed>[: <why>] (got …)", never echoing a secret. */
function describeRefusal(name: string, declaration: Declaration, raw: string, error: z.ZodError): string {
  const detail = error.issues.map((issue) => (issue.code === "custom" ? issue.params?.detail : undefined)).find(Boolean);
  const got = declaration.secret ? `a value of ${raw.length} character${raw.length === 1 ? "" : "s"}` : JSON.stringify(raw);
  return `${name} must be ${declaration.allowed}${detail ? `: ${String(detail)}` : ""} (got ${got})`;
}

function parse<N extends SettingName>(name: N, raw: string | undefined): SettingValue<N> {
  const declaration: Declaration = SETTINGS[name];
  const result = declaration.schema.safeParse(raw);
  if (!result.success) throw new SettingError(describeRefusal(name, declaration, raw ?? "", result.error));
  return result.data as SettingValue<N>;
}

// Keyed on the raw value, so a test or the launcher changing the environment at run time is seen on
// the next read, while a hot path (every Amazon request, every sign-in) costs one lookup.
const cache = new Map<SettingName, { raw: string | undefined; value: unknown }>();

/**
 * One setting, parsed and checked, as the environment holds it now. Throws `SettingError` naming the
 * variable and what it accepts when its value is bad.
 */
export function setting<N extends SettingName>(name: N): SettingValue<N> {
  const raw = process.env[name];
  const hit = cache.get(name);
  if (hit && hit.raw === raw) return hit.value as SettingValue<N>;
  const value = parse(name, raw);
  cache.set(name, { raw, value });
  return value;
}

/**
 * Every problem with the settings an environment holds (empty when all is well): each bad value, and
 * Amazon credentials set only in part. With `reader`, only what that process reads. Test-only settings
 * and those a parent sets for its children are left out: nobody configures them.
 */
export function checkSettings({ env = process.env, reader }: { env?: Environment; reader?: Reader } = {}): string[] {
  const problems: string[] = [];
  for (const [name, declaration] of declarations()) {
    if ((declaration.audience ?? "operator") !== "operator") continue;
    if (reader && !declaration.readBy.includes(reader)) continue;
    try {
      parse(name, env[name]);
    } catch (error) {
      if (!(error instanceof SettingError)) throw error;
      problems.push(error.message);
    }
  }
  const present = AMAZON_CREDENTIALS.filter((name) => env[name]?.trim());
  if (present.length > 0 && present.length < AMAZON_CREDENTIALS.length && (!reader || reader === "launcher" || reader === "web"))
    problems.push(
      `Amazon credentials are set only in part (missing ${AMAZON_CREDENTIALS.filter((name) => !present.includes(name)).join(", ")}): set all of ${AMAZON_CREDENTIALS.join(", ")}, or none to use the sandbox Amazon.`,
    );
  return problems;
}

/** The public origin of the web app. */
export const appUrl = (): string => setting("APP_URL") ?? `http://localhost:${setting("PORT")}`;

/** The environment a child process starts from: this one's, plus what the parent sets for it. */
export function childEnvironment(overrides: Environment = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
