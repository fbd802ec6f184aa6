import type { ReactNode } from "react";
import { Logo } from "~/app/_components/logo";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center bg-slate-100 px-4 pt-20">
      <Logo className="mb-6" />
      <div className="card w-full max-w-sm p-6 shadow-sm">{children}</div>
      <p className="mt-6 max-w-sm text-center text-xs text-slate-500">
        Sales, profit, advertising and inventory for Amazon sellers, kept in sync with Amazon.
      </p>
    </main>
  );
}
