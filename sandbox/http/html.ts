export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font-family:Arial,sans-serif;max-width:640px;margin:40px auto;color:#111}
.box{border:1px solid #ddd;border-radius:8px;padding:24px}.btn{background:#ffd814;border:1px solid #fcd200;border-radius:8px;padding:8px 20px;cursor:pointer}
.btn2{background:#fff;border:1px solid #888;border-radius:8px;padding:8px 20px;cursor:pointer}label{display:block;margin:6px 0}
.err{color:#b12704}.banner{background:#232f3e;color:#fff;padding:8px 16px;font-weight:bold}</style></head>
<body><div class="banner">amazon <small>(sandbox)</small></div>${body}</body></html>`;
}

/** Loopback only: the sandbox never sends a grant to a host that is not this machine. */
export function isLoopbackRedirect(uri: string | null | undefined): boolean {
  if (!uri) return false;
  try {
    const u = new URL(uri);
    return (u.protocol === "http:" || u.protocol === "https:") && (u.hostname === "127.0.0.1" || u.hostname === "localhost" || u.hostname === "[::1]");
  } catch {
    return false;
  }
}

export function withParams(uri: string, params: Record<string, string | undefined>): string {
  const u = new URL(uri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) u.searchParams.set(k, v);
  return u.toString();
}
