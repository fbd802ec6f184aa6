import { z } from "zod";
import type { Volume } from "./world/config";

// The sandbox's own settings. It is a program of its own and never imports the product's code; the
// product declares the SANDBOX_* it documents again, and a product test keeps the two alike.

interface SandboxSetting<T> {
  schema: z.ZodType<T, unknown>;
  /** Completes "<NAME> must be …". */
  allowed: string;
}

const blank = (raw: unknown) => (typeof raw === "string" && raw.trim() === "" ? undefined : raw);
const setting = <T>(present: z.ZodType<T, string>, allowed: string, fallback: z.util.NoUndefined<T>): SandboxSetting<T> => ({
  schema: z.preprocess(blank, present.default(fallback)) as unknown as z.ZodType<T, unknown>,
  allowed,
});
const number = z.string().trim().regex(/^\d+(\.\d+)?$/).transform(Number);
const optionalText: SandboxSetting<string | undefined> = { schema: z.preprocess(blank, z.string().optional()), allowed: "any text" };

export const SANDBOX_SETTINGS = {
  /** 0 picks a free port. */
  SANDBOX_PORT: setting(number.pipe(z.number().int().max(65535)), "a port number from 0 to 65535", 8300),
  SANDBOX_HOST: setting(z.string(), "any text", "127.0.0.1"),
  SANDBOX_SEED: setting(z.string(), "any text", "shelfwise"),
  SANDBOX_VOLUME: setting(z.string().trim().pipe(z.enum(["tiny", "small", "big"] satisfies Volume[])), "tiny, small or big", "small"),
  SANDBOX_TIME_SCALE: setting(number.pipe(z.number().positive()), "a number above 0", 1),
  SANDBOX_REPORT_DELAY: setting(number, "a number, 0 or more", 60),
  SANDBOX_REPORT_TAIL: setting(z.string().trim().pipe(z.enum(["0", "1"])), "0 or 1", "1"),
  SANDBOX_REPORT_FAILURE_RATE: setting(number.pipe(z.number().max(1)), "a number from 0 to 1", 0.005),
  SANDBOX_QUOTA_SCALE: setting(number.pipe(z.number().positive()), "a number above 0", 1),
  SANDBOX_LOG: setting(z.string().trim().pipe(z.enum(["0", "1"])).transform((v) => v === "1"), "1 or 0", false),
  SANDBOX_SP_MODELS_DIR: optionalText,
  SHARED_AMAZON_DIR: optionalText,
};

type Name = keyof typeof SANDBOX_SETTINGS;
type Value<N extends Name> = z.output<(typeof SANDBOX_SETTINGS)[N]["schema"]>;

/** One sandbox setting as the environment holds it now; a bad value throws, naming the variable. */
export function sandboxSetting<N extends Name>(name: N, env: Readonly<Record<string, string | undefined>> = process.env): Value<N> {
  const { schema, allowed } = SANDBOX_SETTINGS[name];
  const raw = env[name];
  const result = schema.safeParse(raw);
  if (!result.success) throw new Error(`${name} must be ${allowed} (got ${JSON.stringify(raw)})`);
  return result.data as Value<N>;
}
