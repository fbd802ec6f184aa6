/** A page's `searchParams` as Next hands them over: a repeated parameter (`?a=1&a=2`) arrives as an array. */
export type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The named parameters of a page's URL, one string each (the first of a repeated one). Only the object's
 * own keys count, so a name like `constructor` never reads something inherited from Object.prototype.
 */
export function readSearchParams<K extends string>(search: SearchParams, keys: readonly K[]): Partial<Record<K, string>> {
  const values: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const value = Object.hasOwn(search, key) ? search[key] : undefined;
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string") values[key] = first;
  }
  return values;
}
