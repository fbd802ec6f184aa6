import { HttpError } from "../http/types";
import { currencyDecimals } from "../util/money";
import type { Entity, EntityKind, Predicate } from "./entities";
import { ENTITY_TYPES } from "./entities";
import type { AdsProfile, AdsState } from "./state";

// Reading and checking the console's request bodies: every bad value is a 400 naming the field and what it takes.

export type Body = Record<string, unknown>;

export const bad = (m: string) => new HttpError({ status: 400, body: { error: m } });

export function text(b: Body, field: string): string {
  const v = b[field];
  if (typeof v !== "string" || !v.trim()) throw bad(`${field} must be a non-empty string`);
  return v.trim();
}

export function oneOf<T extends string>(b: Body, field: string, values: readonly T[]): T {
  const v = b[field];
  const found = values.find((x) => x === v);
  if (found === undefined) throw bad(`${field} must be one of ${values.join(", ")}, got ${JSON.stringify(v)}`);
  return found;
}

/**
 * A positive amount in the profile's currency (a JSON number or a decimal string, as the console's box takes it),
 * in minor units; read from its decimal text so no binary float is multiplied into money.
 */
export function amount(v: unknown, field: string, currency: string): number {
  const s = typeof v === "number" && Number.isFinite(v) ? String(v) : typeof v === "string" ? v.trim() : "";
  const m = /^(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) throw bad(`${field} must be a positive amount, got ${JSON.stringify(v)}`);
  const dp = currencyDecimals(currency);
  const frac = (m[2] ?? "").replace(/0+$/, "");
  if (frac.length > dp) throw bad(`${field} has more decimals than ${currency} has (${String(dp)}), got ${s}`);
  const minor = Number(m[1]) * 10 ** dp + Number(frac.padEnd(dp, "0") || "0");
  if (minor <= 0) throw bad(`${field} must be more than 0`);
  return minor;
}

export function integer(b: Body, field: string, min: number, max: number): number {
  const v = b[field];
  if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max) throw bad(`${field} must be an integer from ${String(min)} to ${String(max)}, got ${JSON.stringify(v)}`);
  return v;
}

/** A targeting expression: a non-empty list of `{ type, value }` whose types are among `types`. */
export function expression(b: Body, types: readonly string[]): Predicate[] {
  const v = b.expression;
  if (!Array.isArray(v) || v.length === 0) throw bad("expression must be a non-empty array of { type, value }");
  return v.map((x: unknown, i) => {
    const o = (typeof x === "object" && x !== null ? x : {}) as Body;
    if (typeof o.type !== "string" || !types.includes(o.type)) throw bad(`expression[${String(i)}].type must be one of ${types.join(", ")}, got ${JSON.stringify(o.type)}`);
    if (typeof o.value !== "string" || !o.value.trim()) throw bad(`expression[${String(i)}].value must be a non-empty string`);
    return { type: o.type, value: o.value.trim() };
  });
}

const article = (word: string) => `${/^[aeiou]/i.test(word) ? "an" : "a"} ${word}`;

export function kindParam(b: Body, allowed: readonly EntityKind[], fallback: EntityKind): EntityKind {
  const k = b.kind ?? fallback;
  const found = allowed.find((x) => x === k);
  if (found === undefined) throw bad(`kind must be one of ${allowed.join(", ")} for ${String(b.action)}, got ${JSON.stringify(k)}`);
  return found;
}

/**
 * The entity of `kind` with the id in `b[field]`; an id of another kind is named as such. Archived entities cannot
 * be changed (Amazon keeps them read-only), so they are refused too.
 */
export function existing(ads: AdsState, p: AdsProfile, kind: EntityKind, b: Body, field: string): Entity {
  const id = b[field];
  if (typeof id !== "string" && typeof id !== "number") throw bad(`${field} is required`);
  const e = ads.find(p, kind, String(id));
  if (!e) {
    const other = ENTITY_TYPES.find((t) => ads.find(p, t.kind, String(id)));
    throw bad(other ? `${field} ${String(id)} is ${article(other.kind)}, not ${article(kind)}` : `unknown ${kind} ${String(id)} in profile ${p.profileId}`);
  }
  if (e.state === "ARCHIVED") throw bad(`${kind} ${e.id} is archived and can no longer be changed`);
  return e;
}
