import { signOutAction } from "~/app/(auth)/actions";
import { AttentionBadge } from "./attention-badge";
import { OrganizationSwitcher } from "./organization-switcher";

export function TopBar({ userName }: { userName: string }) {
  return (
    <header className="sticky top-0 z-10 flex h-11 items-center justify-between border-b border-slate-200 bg-white px-5">
      <OrganizationSwitcher />
      <div className="flex items-center gap-3">
        <AttentionBadge />
        <span data-testid="user-name" className="text-slate-600">{userName}</span>
        <form action={signOutAction}>
          <button className="btn" type="submit">Sign out</button>
        </form>
      </div>
    </header>
  );
}
