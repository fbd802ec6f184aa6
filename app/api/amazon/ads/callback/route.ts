import { handleAmazonCallback } from "~/server/amazon/authorization/callback";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = (request: Request) => handleAmazonCallback("ads", request);
