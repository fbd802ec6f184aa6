import type { Route } from "./types";

interface Compiled {
  route: Route;
  re: RegExp;
  names: string[];
}

export class Router {
  private compiled: Compiled[] = [];

  add(...routes: Route[]): void {
    for (const route of routes) {
      const names: string[] = [];
      const re = new RegExp(
        "^" + route.path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{(\w+)\}/g, (_m, n: string) => { names.push(n); return "([^/]+)"; }) + "$",
      );
      this.compiled.push({ route, re, names });
    }
  }

  /** Literal segments win over templates (e.g. /sp/campaigns/list vs /{id}). */
  match(method: string, path: string): { route: Route; params: Record<string, string> } | { allowed: string[] } | undefined {
    const allowed: string[] = [];
    let best: { route: Route; params: Record<string, string>; score: number } | undefined;
    for (const c of this.compiled) {
      const m = c.re.exec(path);
      if (!m) continue;
      if (c.route.method !== method) { allowed.push(c.route.method); continue; }
      const params: Record<string, string> = {};
      c.names.forEach((n, i) => { params[n] = decodeURIComponent(m[i + 1] ?? ""); });
      const score = -c.names.length;
      if (!best || score > best.score) best = { route: c.route, params, score };
    }
    if (best) return { route: best.route, params: best.params };
    return allowed.length ? { allowed } : undefined;
  }

  routes(): Route[] {
    return this.compiled.map((c) => c.route);
  }
}
