"use client";

import { useState } from "react";
import { EmptyState } from "~/app/_components/empty-state";
import { FormError } from "~/app/_components/form-error";
import { api, type RouterOutputs } from "~/app/_trpc/react";
import { REGION_LABELS, REGIONS, type Region } from "~/server/amazon/endpoints";

type Authorizations = RouterOutputs["amazon"]["authorizations"];

const STATUS: Record<string, { label: string; className: string }> = {
  active: { label: "Active", className: "bg-green-50 text-green-700" },
  needs_reauthorization: { label: "Needs re-authorization", className: "bg-amber-50 text-amber-800" },
  disconnected: { label: "Disconnected", className: "bg-slate-100 text-slate-600" },
};

function StatusBadge({ status }: { status: string }) {
  const s = STATUS[status] ?? STATUS.disconnected!;
  return <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${s.className}`}>{s.label}</span>;
}

function StartAuthorization({ kind, canManage, label }: { kind: "store" | "ads"; canManage: boolean; label: string }) {
  const [region, setRegion] = useState<Region>("na");
  const start = (kind === "store" ? api.amazon.startStoreAuthorization : api.amazon.startAdsAuthorization).useMutation({
    onSuccess: ({ url }) => window.location.assign(url),
  });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <select
        aria-label={`${label} region`}
        className="input w-auto py-1"
        value={region}
        disabled={!canManage}
        onChange={(e) => setRegion(e.target.value as Region)}
      >
        {REGIONS.map((r) => (
          <option key={r} value={r}>
            {REGION_LABELS[r]}
          </option>
        ))}
      </select>
      <button className="btn-primary" disabled={!canManage || start.isPending} onClick={() => start.mutate({ region })}>
        {label}
      </button>
      <FormError message={start.error?.message} />
    </div>
  );
}

function DisconnectButton({ what, onConfirm }: { what: string; onConfirm: (keepData: boolean) => void }) {
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button className="btn-danger py-0.5" onClick={() => setAsking(true)}>
        Disconnect
      </button>
    );
  return (
    <div role="dialog" aria-label={`Disconnect ${what}`} className="flex flex-wrap items-center gap-2 rounded border border-red-200 bg-red-50 px-2 py-1">
      <span className="text-red-800">Stop syncing {what}. Keep the data already synchronized?</span>
      <button className="btn py-0.5" onClick={() => onConfirm(true)}>Disconnect, keep data</button>
      <button className="btn-danger py-0.5" onClick={() => onConfirm(false)}>Disconnect and delete data</button>
      <button className="btn py-0.5" onClick={() => setAsking(false)}>Cancel</button>
    </div>
  );
}

function Stores({ stores, canManage }: { stores: Authorizations["stores"]; canManage: boolean }) {
  const utils = api.useUtils();
  const disconnect = api.amazon.disconnectStore.useMutation({ onSuccess: () => utils.amazon.authorizations.invalidate() });
  if (stores.length === 0)
    return (
      <EmptyState title="No store authorized">
        <p>Authorize your Amazon seller account to synchronize orders, products, inventory, fees and reimbursements.</p>
      </EmptyState>
    );
  return (
    <div className="space-y-3" data-testid="stores">
      {stores.map((store) => (
        <div key={store.id} className="card" data-testid="store">
          <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-3 py-2">
            <div className="flex items-center gap-2">
              <h3 className="font-semibold">{store.name}</h3>
              <span className="text-xs text-slate-500">
                {store.sellingPartnerId} · {store.region.toUpperCase()}
              </span>
              <StatusBadge status={store.status} />
            </div>
            {canManage && store.status !== "disconnected" && (
              <DisconnectButton what={store.name} onConfirm={(keepData) => disconnect.mutate({ storeId: store.id, keepData })} />
            )}
          </div>
          {store.status === "needs_reauthorization" && (
            <p className="border-b border-amber-200 bg-amber-50 px-3 py-1.5 text-amber-800">
              {store.statusReason} Its syncs are paused. Use “Authorize store” with the same seller account to resume them.
            </p>
          )}
          <table className="table" data-testid="marketplaces">
            <thead>
              <tr>
                <th>Country</th>
                <th>Marketplace</th>
                <th>Marketplace ID</th>
                <th>Currency</th>
                <th>Time zone (days are local to it)</th>
                <th>Selling</th>
              </tr>
            </thead>
            <tbody>
              {store.marketplaces.map((m) => (
                <tr key={m.id}>
                  <td>{m.countryCode}</td>
                  <td>{m.name}</td>
                  <td className="font-mono text-xs">{m.marketplaceId}</td>
                  <td>{m.currencyCode}</td>
                  <td>{m.timeZone}</td>
                  <td>{m.isParticipating ? "Yes" : "No"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}

function AdProfiles({ profiles, canManage }: { profiles: Authorizations["adProfiles"]; canManage: boolean }) {
  const utils = api.useUtils();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const invalidate = () => utils.amazon.authorizations.invalidate();
  const connect = api.amazon.connectAdProfiles.useMutation({ onSuccess: () => (setChosen(new Set()), invalidate()) });
  const disconnect = api.amazon.disconnectAdProfile.useMutation({ onSuccess: invalidate });
  if (profiles.length === 0)
    return (
      <EmptyState title="No advertising account authorized">
        <p>Authorize Amazon Ads to synchronize Sponsored Products campaigns, keywords, targets and their daily performance.</p>
      </EmptyState>
    );
  const waiting = profiles.filter((p) => !p.connected && p.available);
  return (
    <div className="card" data-testid="ad-profiles">
      <table className="table">
        <thead>
          <tr>
            <th />
            <th>Country</th>
            <th>Profile ID</th>
            <th>Account</th>
            <th>Currency</th>
            <th>Time zone</th>
            <th>Store</th>
            <th>Status</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {profiles.map((p) => (
            <tr key={p.id} data-testid="ad-profile">
              <td>
                {!p.connected && p.available && (
                  <input
                    type="checkbox"
                    aria-label={`Connect profile ${p.countryCode} ${p.profileId}`}
                    disabled={!canManage}
                    checked={chosen.has(p.id)}
                    onChange={(e) => {
                      const next = new Set(chosen);
                      if (e.target.checked) next.add(p.id);
                      else next.delete(p.id);
                      setChosen(next);
                    }}
                  />
                )}
              </td>
              <td>{p.countryCode}</td>
              <td className="font-mono text-xs">{p.profileId}</td>
              <td>
                {p.accountName} <span className="text-xs text-slate-500">({p.accountType})</span>
              </td>
              <td>{p.currencyCode}</td>
              <td>{p.timeZone}</td>
              <td>{p.store ?? <span className="text-slate-400">No matching store</span>}</td>
              <td>{p.connected ? <StatusBadge status={p.status} /> : <span className="text-xs text-slate-500">Not connected</span>}</td>
              <td className="text-right">
                {canManage && p.connected && (
                  <DisconnectButton
                    what={`profile ${p.countryCode} ${p.profileId}`}
                    onConfirm={(keepData) => disconnect.mutate({ adProfileId: p.id, keepData })}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {waiting.length > 0 && (
        <div className="flex items-center gap-2 border-t border-slate-200 px-3 py-2">
          <button
            className="btn-primary"
            disabled={!canManage || chosen.size === 0 || connect.isPending}
            onClick={() => connect.mutate({ adProfileIds: [...chosen] })}
          >
            Connect selected profiles
          </button>
          <button className="btn" disabled={!canManage} onClick={() => setChosen(new Set(waiting.map((p) => p.id)))}>
            Select all
          </button>
          <span className="text-xs text-slate-500">Only connected profiles are synchronized.</span>
          <FormError message={connect.error?.message} />
        </div>
      )}
    </div>
  );
}

export function AmazonAuthorizations({ canManage }: { canManage: boolean }) {
  const [data] = api.amazon.authorizations.useSuspenseQuery();
  return (
    <div className="space-y-6">
      {!canManage && (
        <p className="rounded bg-amber-50 px-2 py-1.5 text-amber-800">Only owners and admins can authorize or disconnect Amazon accounts.</p>
      )}
      <section className="space-y-2">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2>Stores (Selling Partner API)</h2>
          <StartAuthorization kind="store" canManage={canManage} label="Authorize store" />
        </div>
        <Stores stores={data.stores} canManage={canManage} />
      </section>
      <section className="space-y-2">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2>Advertising (Amazon Ads)</h2>
          <StartAuthorization kind="ads" canManage={canManage} label="Authorize advertising" />
        </div>
        <AdProfiles profiles={data.adProfiles} canManage={canManage} />
      </section>
    </div>
  );
}
