import { expect, it } from "vitest";
import { amazonApiError } from "./api-error";

it("keeps SP-API's details next to its message, so an expired token is recognised", async () => {
  const response = new Response(
    JSON.stringify({ errors: [{ code: "Unauthorized", message: "Access to requested resource is denied.", details: "The access token you provided has expired." }] }),
    { status: 403 },
  );
  const error = await amazonApiError("sp-api", response);
  expect(error).toMatchObject({ status: 403, code: "Unauthorized" });
  expect(error.detail).toMatch(/denied\. The access token you provided has expired\./);
});

it("reads the Ads API's code/detail bodies and Retry-After", async () => {
  const response = new Response(JSON.stringify({ code: "THROTTLED", details: "Too many requests" }), { status: 429, headers: { "retry-after": "7" } });
  expect(await amazonApiError("ads-api", response)).toMatchObject({ code: "THROTTLED", detail: "Too many requests", retryAfterSeconds: 7 });
});
