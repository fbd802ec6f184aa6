"use client";

import Link from "next/link";
import { formatCount } from "~/app/_components/format";
import { ListThumbnail } from "~/app/_components/list-thumbnail";
import { PageHeader } from "~/app/_components/page-header";
import { api } from "~/app/_trpc/react";
import { hasRole } from "~/server/organizations/roles";
import { Batches } from "./batches";
import { Periods } from "./periods";

/** A SKU's costs: what applies today, every period, and its inbound batches for FIFO. */
export function SkuCosts({ storeId, sku }: { storeId: string; sku: string }) {
  const [detail] = api.costs.sku.useSuspenseQuery({ storeId, sku });
  const [current] = api.organization.current.useSuspenseQuery();
  const canEdit = hasRole(current.role, "operator") && detail.known;
  return (
    <div className="space-y-4">
      <PageHeader title={`Costs of ${sku}`} description={`${detail.store.name}. A cost applies from its date on; the first one also covers every sale before it.`}>
        <Link href="/products/costs" className="btn">
          All product costs
        </Link>
      </PageHeader>
      {detail.product ? (
        <div className="flex items-center gap-3">
          <ListThumbnail url={detail.product.imageUrl} alt={detail.product.title ?? sku} />
          <div>
            <div className="font-medium">{detail.product.title ?? "Title not known yet"}</div>
            <div className="text-xs text-slate-500">
              {detail.product.asin ? `ASIN ${detail.product.asin} · ` : ""}
              {formatCount(detail.product.unitsOrdered)} units ordered
            </div>
          </div>
        </div>
      ) : (
        <p className="card px-3 py-2 text-slate-600">This store has no product with this SKU, so no cost can be entered for it.</p>
      )}
      {detail.known && !canEdit && <p className="text-xs text-slate-500">Viewers see the costs; an operator, admin or owner enters them.</p>}
      <Periods detail={detail} canEdit={canEdit} />
      <Batches detail={detail} canEdit={canEdit} />
    </div>
  );
}
