"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { Logo } from "~/app/_components/logo";
import { MODULES, SETTINGS_LINKS } from "~/app/_components/modules";

const GROUPS = ["Business", "Operations", "System"] as const;

function NavLink({ href, label }: { href: string; label: string }) {
  const pathname = usePathname();
  const active = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`block rounded px-2 py-1 ${active ? "bg-brand-50 font-medium text-brand-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"}`}
    >
      {label}
    </Link>
  );
}

export function Sidebar() {
  return (
    <nav aria-label="Modules" className="sticky top-0 flex h-screen w-52 shrink-0 flex-col border-r border-slate-200 bg-white px-2 py-3">
      <Logo className="mb-4 px-2" />
      <div className="flex-1 space-y-4 overflow-y-auto">
        {GROUPS.map((group) => (
          <div key={group}>
            <div className="mb-1 px-2 text-[11px] font-semibold tracking-wide text-slate-400 uppercase">{group}</div>
            {MODULES.filter((m) => m.group === group).map((m) => (
              <NavLink key={m.href} href={m.href} label={m.label} />
            ))}
          </div>
        ))}
        <div>
          <div className="mb-1 px-2 text-[11px] font-semibold tracking-wide text-slate-400 uppercase">Settings</div>
          {SETTINGS_LINKS.map((l) => (
            <NavLink key={l.href} href={l.href} label={l.label} />
          ))}
        </div>
      </div>
    </nav>
  );
}
