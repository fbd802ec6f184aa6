import Link from "next/link";

/** The Products module's lists, with the two costs pages active here. */
export function CostsTabs({ active }: { active: "products" | "other" }) {
  const tabs = [
    { href: "/products", label: "All products", on: false },
    { href: "/products?list=report", label: "All Listings report", on: false },
    { href: "/products/costs", label: "Product costs", on: active === "products" },
    { href: "/products/costs/other", label: "Other costs", on: active === "other" },
  ];
  return (
    <nav className="mb-3 flex gap-1 border-b border-slate-200" aria-label="Products lists">
      {tabs.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab.on ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-1.5 ${tab.on ? "border-brand-600 font-medium text-slate-900" : "border-transparent text-slate-500 hover:text-slate-800"}`}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
