/**
 * Go-style durations as the SDK's `timeStr` writes them ("1h30m", "1w3d", "500ms") and as users
 * write them in configs ("30s", "4h"). `ms` cannot parse compound forms, hence this small parser.
 */
const UNITS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

export function parseDuration(input: string | number): number {
  if (typeof input === "number") return input;
  const text = input.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/gy;
  let total = 0;
  let consumed = 0;
  for (let match = re.exec(text); match; match = re.exec(text)) {
    total += Number(match[1]) * (UNITS[match[2] ?? ""] ?? 0);
    consumed = re.lastIndex;
  }
  if (consumed !== text.length || consumed === 0) throw new Error(`Invalid duration: ${JSON.stringify(input)}`);
  return total;
}

/** A Sleep op's `name`: a duration ("10s") or, for sleepUntil, an ISO instant. */
export function sleepTarget(name: string, now: Date): Date {
  if (/^\d{4}-\d{2}-\d{2}T/.test(name)) return new Date(name);
  return new Date(now.getTime() + parseDuration(name));
}
