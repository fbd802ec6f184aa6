"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";

/**
 * A page's filters live in its URL, so a view can be shared and an export reads the same ones. `set`
 * changes some (an empty value removes it) and goes back to the first page unless it sets the page.
 */
export function useUrlFilters() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  return {
    params,
    set(changes: Record<string, string | undefined>) {
      const next = new URLSearchParams(params);
      for (const [k, v] of Object.entries(changes)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      if (!("page" in changes)) next.delete("page");
      router.replace(`${pathname}?${next.toString()}`);
    },
  };
}
