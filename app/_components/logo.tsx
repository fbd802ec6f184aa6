export function Logo({ className = "" }: { className?: string }) {
  return (
    <div className={`flex items-center gap-2 ${className}`}>
      <span className="grid h-7 w-7 place-items-center rounded bg-brand-600 text-sm font-bold text-white">S</span>
      <span className="text-base font-semibold tracking-tight text-slate-900">Shelfwise</span>
    </div>
  );
}
