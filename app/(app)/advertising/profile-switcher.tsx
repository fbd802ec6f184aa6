"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";

/** A drill-down page: a campaign's or an ad group's, whose ids belong to one profile. */
const DRILL_DOWN = /^\/advertising\/(campaigns|ad-groups)\/[^/]+/;

export function ProfileSwitcher({ profiles, value }: { profiles: { id: string; countryCode: string; accountName: string; profileId: string }[]; value: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  return (
    <label className="flex items-center gap-1.5 text-xs text-slate-500">
      Ad profile
      <select
        aria-label="Ad profile"
        className="input w-auto py-1"
        value={value}
        onChange={(e) => {
          const next = new URLSearchParams(params);
          next.set("profile", e.target.value);
          next.delete("page");
          // A drill-down's campaign or ad group is not in another profile: switching goes back to the campaigns.
          router.push(`${DRILL_DOWN.test(pathname) ? "/advertising" : pathname}?${next.toString()}`);
        }}
      >
        {profiles.map((p) => (
          <option key={p.id} value={p.id}>
            {p.countryCode} · {p.accountName} ({p.profileId})
          </option>
        ))}
      </select>
    </label>
  );
}
