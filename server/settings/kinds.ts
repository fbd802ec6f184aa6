import { z } from "zod";

/**
 * The kinds of value a setting can hold: a zod schema over the raw environment string, with its
 * default, and the phrase that says what it accepts, which every error message quotes. A blank value
 * counts as unset, as `KEY=` in a shell or a compose file means "nothing here".
 */
export interface Kind<T> {
  schema: z.ZodType<T, unknown>;
  /** Completes "<NAME> must be …". */
  allowed: string;
}

/** Without a default a setting may be unset (undefined); with one it always has a value. */
type Value<T, F> = [F] extends [undefined] ? T | undefined : T;

const blank = (raw: unknown) => (typeof raw === "string" && raw.trim() === "" ? undefined : raw);

function kind<T, F extends T | undefined>(present: z.ZodType<T, string>, allowed: string, fallback: F): Kind<Value<T, F>> {
  const inner = fallback === undefined ? present.optional() : present.default(fallback as z.util.NoUndefined<T>);
  return { schema: z.preprocess(blank, inner) as unknown as z.ZodType<Value<T, F>, unknown>, allowed };
}

/** Fails a value, with a reason more precise than the `allowed` phrase when there is one (quoted after it). */
function refuse(context: z.RefinementCtx, why?: string): never {
  context.addIssue({ code: "custom", message: why ?? "refused", params: why ? { detail: why } : {} });
  return z.NEVER as never;
}

const integer = z.string().trim().regex(/^\d+$/).transform(Number);
const decimal = z.string().trim().regex(/^\d+(\.\d+)?$/).transform(Number);
const protocolOf = (value: string) => {
  try {
    return new URL(value).protocol;
  } catch {
    return "";
  }
};
const withProtocol = (pattern: RegExp) => z.string().trim().refine((value) => pattern.test(protocolOf(value)));

/** A TCP port a server listens on. */
export const port = <F extends number | undefined = undefined>(fallback?: F) =>
  kind(integer.pipe(z.number().int().min(1).max(65535)), "a port number from 1 to 65535", fallback as F);

export const positiveInteger = <F extends number | undefined = undefined>(fallback?: F) =>
  kind(integer.pipe(z.number().int().min(1)), "a whole number above 0", fallback as F);

export const positiveNumber = <F extends number | undefined = undefined>(fallback?: F) =>
  kind(decimal.pipe(z.number().positive()), "a number above 0", fallback as F);

export const nonNegativeNumber = <F extends number | undefined = undefined>(fallback?: F) =>
  kind(decimal, "a number, 0 or more", fallback as F);

/** A probability. */
export const shareOfOne = <F extends number | undefined = undefined>(fallback?: F) =>
  kind(decimal.pipe(z.number().max(1)), "a number from 0 to 1", fallback as F);

export const httpUrl = <F extends string | undefined = undefined>(fallback?: F) =>
  kind(withProtocol(/^https?:$/), "an http:// or https:// URL", fallback as F);

export const postgresUrl = () => kind(withProtocol(/^postgres(ql)?:$/), "a postgres:// or postgresql:// URL", undefined);

export const text = <F extends string | undefined = undefined>(fallback?: F) => kind(z.string(), "any text", fallback as F);

/** Text with a floor on its length (signing keys and the like). */
export const longText = (minLength: number) => kind(z.string().min(minLength), `at least ${minLength} characters long`, undefined);

export const trueOrFalse = <F extends boolean | undefined = undefined>(fallback?: F) =>
  kind(z.string().trim().toLowerCase().pipe(z.enum(["true", "false"])).transform((v) => v === "true"), "true or false", fallback as F);

/** A switch that is on with `1`. */
export const flag = () => kind(z.string().trim().pipe(z.enum(["0", "1"])).transform((v) => v === "1"), "1 or 0", false);

export function oneOf<const V extends readonly [string, ...string[]], F extends V[number] | undefined = undefined>(values: V, fallback?: F) {
  const list = values.length > 1 ? `${values.slice(0, -1).join(", ")} or ${values.at(-1)}` : values[0];
  return kind(z.string().trim().pipe(z.enum(values)) as unknown as z.ZodType<V[number], string>, list, fallback as F);
}

/** A JSON document of a given shape (handed from a parent process to its child). */
export const json = <T>(shape: z.ZodType<T>) => {
  const parsed = z.string().transform((value, context): unknown => {
    try {
      return JSON.parse(value);
    } catch {
      return refuse(context, "it is not JSON");
    }
  });
  return kind(parsed.pipe(shape), "a JSON document of the expected shape", undefined);
};

/** How many reverse proxies append to X-Forwarded-For: `false` (none), `true` (one) or a count. */
export const proxyCount = () =>
  kind(
    z.string().trim().toLowerCase().transform((value, context) => {
      if (value === "false") return 0;
      if (value === "true") return 1;
      // More than a handful of appending proxies is a typo, not a topology.
      if (/^\d+$/.test(value) && Number(value) <= 10) return Number(value);
      return refuse(context);
    }),
    "false, true or a number of proxies up to 10",
    0,
  );

/** The AES-256-GCM key ring: `id:base64-of-32-bytes`, comma-separated. The crypto module builds the ring. */
export const keyRing = () =>
  kind(
    z.string().transform((value, context) => {
      const entries = value.split(",").map((entry) => entry.trim()).filter(Boolean);
      if (entries.length === 0) return refuse(context, "it holds no key");
      for (const [index, entry] of entries.entries()) {
        const [id, encoded, extra] = entry.split(":");
        if (!id || !encoded || extra !== undefined || !/^[A-Za-z0-9_-]+$/.test(id)) return refuse(context, `entry ${index + 1} is not <id>:<base64>`);
        const bytes = Buffer.from(encoded, "base64").length;
        if (bytes !== 32) return refuse(context, `key "${id}" is ${bytes} bytes, not 32`);
      }
      return value;
    }),
    "comma-separated <id>:<base64 of 32 bytes> entries, the first one encrypting",
    undefined,
  );
