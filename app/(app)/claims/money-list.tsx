import { formatMoney } from "~/app/_components/format";

/** Amounts in several currencies side by side, never added together; "—" when there are none. */
export function MoneyList({ amounts, testId }: { amounts: { currency: string; amount: string }[]; testId?: string }) {
  if (!amounts.length) return <span data-testid={testId}>—</span>;
  return (
    <span data-testid={testId}>
      {amounts.map((m, i) => (
        <span key={m.currency} className="whitespace-nowrap">
          {i > 0 && " · "}
          {formatMoney(m.amount, m.currency)}
        </span>
      ))}
    </span>
  );
}
