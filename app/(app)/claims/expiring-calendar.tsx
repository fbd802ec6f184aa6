import { formatCount } from "~/app/_components/format";
import type { RouterOutputs } from "~/app/_trpc/react";
import { MoneyList } from "./money-list";

type Day = RouterOutputs["claims"]["overview"]["calendar"][number];

const label = new Intl.DateTimeFormat("en", { timeZone: "UTC", weekday: "short", day: "numeric", month: "short" });

/** The next 30 days, each with the open and lapsed cases whose last day to file it is; the first week is loud. */
export function ExpiringCalendar({ days }: { days: Day[] }) {
  const expiring = days.filter((d) => d.cases > 0);
  return (
    <details className="card" open={expiring.length > 0} data-testid="claims-calendar">
      <summary className="cursor-pointer px-3 py-2 font-medium text-slate-800">
        Expiring in the next 30 days:{" "}
        {expiring.length ? `${formatCount(expiring.reduce((n, d) => n + d.cases, 0))} cases` : "nothing"}
      </summary>
      <ol className="grid grid-cols-2 gap-1 px-3 pb-3 sm:grid-cols-5 lg:grid-cols-10">
        {days.map((d, i) => (
          <li
            key={d.day}
            data-testid="claims-calendar-day"
            data-day={d.day}
            className={`rounded border px-1.5 py-1 text-xs ${d.cases === 0 ? "border-slate-100 text-slate-400" : i < 7 ? "border-red-200 bg-red-50 text-red-900" : "border-amber-200 bg-amber-50 text-amber-900"}`}
          >
            <div className="font-medium">{label.format(new Date(`${d.day}T00:00:00Z`))}</div>
            {d.cases > 0 && (
              <>
                <div>
                  {formatCount(d.cases)} case{d.cases === 1 ? "" : "s"}, {formatCount(d.units)} units
                </div>
                <MoneyList amounts={d.atStake} />
              </>
            )}
          </li>
        ))}
      </ol>
    </details>
  );
}
