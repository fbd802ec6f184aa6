import Link from "next/link";
import { EmptyState } from "~/app/_components/empty-state";

export function NoDataYetClient({ what }: { what: string }) {
  return (
    <EmptyState title={`No ${what} in this range`} action={<Link href="/sync" className="btn">Open the Sync center</Link>}>
      <p>Amazon reported no activity for these days, or the first synchronization is still running.</p>
    </EmptyState>
  );
}
