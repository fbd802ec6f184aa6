"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";

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
          // Campaign and ad group ids belong to one profile: switching goes back to its campaigns.
          router.push(`${pathname.startsWith("/advertising/") ? "/advertising" : pathname}?${next.toString()}`);
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
