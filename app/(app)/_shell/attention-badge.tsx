"use client";

import Link from "next/link";
import { api } from "~/app/_trpc/react";

/** The top bar's badge: how many things need the seller (an authorization to renew, a failing sync). */
export function AttentionBadge() {
  const { data } = api.sync.attention.useQuery(undefined, { refetchInterval: 60_000 });
  const actions = data?.filter((i) => i.level === "action").length ?? 0;
  const warnings = (data?.length ?? 0) - actions;
  if (!data?.length) return null;
  return (
    <Link
      href="/sync"
      data-testid="attention-badge"
      title={data.map((i) => i.text).join("\n")}
      className={`rounded px-2 py-0.5 text-xs font-medium ${actions ? "bg-red-600 text-white" : "bg-amber-100 text-amber-900"}`}
    >
      {actions ? `${actions} need${actions === 1 ? "s" : ""} you` : `${warnings} sync warning${warnings === 1 ? "" : "s"}`}
    </Link>
  );
}
