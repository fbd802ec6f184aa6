/** A non-success answer of SP-API or the Ads API, with Amazon's own code and message. */
export class AmazonApiError extends Error {
  override name = "AmazonApiError";
  constructor(
    readonly api: "sp-api" | "ads-api",
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(`${api === "sp-api" ? "Selling Partner API" : "Amazon Ads API"} answered ${status} ${code}: ${detail}`);
  }
  get unauthorized(): boolean {
    return this.status === 401 || this.status === 403;
  }
}

export async function amazonApiError(api: "sp-api" | "ads-api", response: Response): Promise<AmazonApiError> {
  const body = (await response.json().catch(() => null)) as
    | { errors?: { code?: string; message?: string; details?: string }[]; code?: string; details?: string; detail?: string; message?: string }
    | null;
  const first = body?.errors?.[0];
  const code = first?.code ?? body?.code ?? `HTTP_${response.status}`;
  // SP-API puts the reason apart from the message ("Access … denied." + details "The access token … expired.").
  const detail = first
    ? [first.message, first.details].filter(Boolean).join(" ") || response.statusText
    : (body?.details ?? body?.detail ?? body?.message ?? response.statusText);
  const retryAfter = Number(response.headers.get("retry-after"));
  return new AmazonApiError(api, response.status, code, detail, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined);
}
