import { AuthorizeStoreLink, EmptyState } from "~/app/_components/empty-state";

/** Why no SKU shows: no store yet, no product synced yet, or none matching the filters. */
export function CostsEmpty({ kind }: { kind: "no-store" | "no-products" | "no-match" }) {
  switch (kind) {
    case "no-store":
      return (
        <EmptyState title="No store authorized" action={<AuthorizeStoreLink />}>
          <p>Costs are entered per SKU of your store&apos;s products. Authorize your Amazon store: its products arrive with the first sync, then you can enter what each costs you.</p>
        </EmptyState>
      );
    case "no-products":
      return (
        <EmptyState title="No products yet">
          <p>
            Your store&apos;s products have not arrived yet: the All Listings report, orders and ads bring them within the first hours after
            authorization (see the Sync center). Costs can be entered, one by one or by CSV, for the SKUs listed here once they are in.
          </p>
        </EmptyState>
      );
    case "no-match":
      return (
        <p className="card px-3 py-6 text-center text-slate-600" data-testid="costs-none">
          No SKU matches these filters.
        </p>
      );
  }
}
