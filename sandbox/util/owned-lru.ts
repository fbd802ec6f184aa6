/**
 * Bounded caches of pure results, one per owner (a World, a seller's catalog): a result depends on more than
 * its key (a world's history start shapes its catalog), so two sandboxes with one seed must not share entries,
 * and a dropped owner takes its cache with it.
 */
export class OwnedLru<V> {
  private readonly byOwner = new WeakMap<object, Map<string, V>>();
  constructor(private readonly max: number) {}

  get(owner: object, key: string, make: () => V): V {
    let map = this.byOwner.get(owner);
    if (!map) this.byOwner.set(owner, (map = new Map()));
    const hit = map.get(key);
    if (hit !== undefined) {
      map.delete(key);
      map.set(key, hit);
      return hit;
    }
    const v = make();
    map.set(key, v);
    if (map.size > this.max) {
      const oldest = map.keys().next().value;
      if (oldest !== undefined) map.delete(oldest);
    }
    return v;
  }
}
