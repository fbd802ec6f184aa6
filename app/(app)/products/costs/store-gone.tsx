import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { EmptyState } from "~/app/_components/empty-state";

/** Whether a server-side read failed only because the URL names a store the organization does not have. */
export const isNotFound = (error: unknown) => error instanceof TRPCError && error.code === "NOT_FOUND";

/** What a costs page shows for a URL naming a store that is not the organization's (another's, or deleted). */
export function StoreGone({ back }: { back: string }) {
  return (
    <EmptyState
      title="No such store"
      action={
        <Link href={back} className="btn">
          Back to your costs
        </Link>
      }
    >
      <p>This organization has no store with this address: it may have been removed, or the link belongs to another organization.</p>
    </EmptyState>
  );
}
