"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "~/db/client";
import { auth } from "~/server/auth";
import { UserFacingError } from "~/server/accounts/errors";
import { createOrganization } from "~/server/organizations/create";
import { acceptInvitation } from "~/server/organizations/invitations";
import { resolveActiveMembership } from "~/server/organizations/membership";
import { setting } from "~/server/settings";
import { isProduction } from "~/server/settings/build-mode";
import { ACTIVE_ORGANIZATION_COOKIE } from "~/server/trpc/context";

async function requireUserId(): Promise<string> {
  const session = await auth();
  if (!session?.user?.id) redirect("/sign-in");
  return session.user.id;
}

async function setActiveOrganization(organizationId: string) {
  (await cookies()).set(ACTIVE_ORGANIZATION_COOKIE, organizationId, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: isProduction() && setting("APP_URL")?.startsWith("https://"),
    maxAge: 365 * 24 * 60 * 60,
  });
}

export async function switchOrganizationAction(form: FormData): Promise<void> {
  const userId = await requireUserId();
  const requested = String(form.get("organizationId") ?? "");
  // The cookie is only a preference: every request re-checks membership, but don't store one we know is wrong.
  const membership = await resolveActiveMembership(db, userId, requested);
  if (membership?.organizationId === requested) await setActiveOrganization(requested);
  redirect("/sales-summary");
}

export async function createOrganizationAction(form: FormData): Promise<void> {
  const userId = await requireUserId();
  const name = z.string().trim().min(1).max(100).safeParse(form.get("name"));
  if (!name.success) redirect("/organizations/new?error=name");
  const organization = await createOrganization(db, userId, name.data);
  await setActiveOrganization(organization.id);
  redirect("/sales-summary");
}

export async function acceptInvitationAction(form: FormData): Promise<{ error: string } | void> {
  const userId = await requireUserId();
  let organizationId: string;
  try {
    ({ organizationId } = await acceptInvitation(db, userId, String(form.get("token") ?? "")));
  } catch (error) {
    if (error instanceof UserFacingError) return { error: error.message };
    throw error;
  }
  await setActiveOrganization(organizationId);
  redirect("/sales-summary");
}
