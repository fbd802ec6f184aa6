import type { ClaimListFilters } from "./input";
import type { ClaimStatus } from "./status";

/*
 * The Claims page's vocabulary that its client components share with the server: free of the server's
 * modules (zod schemas, time zones), so it can be bundled for the browser.
 */

/**
 * The tabs and the statuses each shows: Open holds what can be filed now (a lapsed case is filed again),
 * Closed what Amazon settled (reimbursed, or found, returned or received after all).
 */
export const CLAIM_TABS = {
  open: { label: "Open", statuses: ["open", "lapsed"] },
  waiting: { label: "Waiting", statuses: ["waiting"] },
  submitted: { label: "Submitted", statuses: ["submitted"] },
  closed: { label: "Reimbursed / Resolved", statuses: ["reimbursed", "resolved"] },
  expired: { label: "Expired", statuses: ["expired"] },
} as const satisfies Record<string, { label: string; statuses: readonly ClaimStatus[] }>;
export type ClaimTab = keyof typeof CLAIM_TABS;
export const CLAIM_TAB_KEYS = Object.keys(CLAIM_TABS) as [ClaimTab, ...ClaimTab[]];
export const DEFAULT_CLAIM_TAB: ClaimTab = "open";

export const CLAIM_SORT_KEYS = ["deadline", "atStake", "units", "eventDay"] as const;
export type ClaimSortKey = (typeof CLAIM_SORT_KEYS)[number];

/** The URL's parameter of each filter: the page and the CSV export read them alike. */
export const CLAIM_URL_FIELDS = { scopeId: "scope", kind: "kind", search: "q", tab: "tab", status: "status", sort: "sort", dir: "dir" } as const;
export const CLAIM_URL_KEYS = [...Object.values(CLAIM_URL_FIELDS), "page"] as const;

/** The filters as URL parameters (the export link). */
export function claimFiltersToUrl(f: ClaimListFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [field, key] of Object.entries(CLAIM_URL_FIELDS)) {
    const value = f[field as keyof ClaimListFilters];
    if (value) params.set(key, value);
  }
  return params;
}
