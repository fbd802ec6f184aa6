import Link from "next/link";
import type { ReactNode } from "react";

export function EmptyState({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <div data-testid="empty-state" className="card flex flex-col items-center px-6 py-14 text-center">
      <div className="mb-3 grid h-10 w-10 place-items-center rounded-full bg-slate-100 text-slate-400" aria-hidden>
        ∅
      </div>
      <h2>{title}</h2>
      <div className="mt-1 max-w-lg text-slate-600">{children}</div>
      {action && <div className="mt-4">{action}</div>}
    </div>
  );
}

export function AuthorizeStoreLink() {
  return (
    <Link href="/settings/amazon" className="btn-primary">
      Go to Amazon authorizations
    </Link>
  );
}
