import type { Metadata } from "next";
import Link from "next/link";
import { Logo } from "~/app/_components/logo";
import { api } from "~/app/_trpc/server";
import { auth } from "~/server/auth";
import { ROLE_LABELS } from "~/server/organizations/roles";
import { AcceptInvitation } from "./accept-invitation";

export const metadata: Metadata = { title: "Invitation" };

const STATE_TEXT = {
  expired: "This invitation has expired. Ask the person who invited you for a new link.",
  revoked: "This invitation was withdrawn. Ask the person who invited you for a new link.",
  accepted: "This invitation has already been used.",
} as const;

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [session, invitation] = await Promise.all([
    auth(),
    token.length >= 10 && token.length <= 100 ? api.invitation.preview({ token }) : null,
  ]);
  const callback = encodeURIComponent(`/invite/${token}`);

  return (
    <main className="flex min-h-screen flex-col items-center bg-slate-100 px-4 pt-20">
      <Logo className="mb-6" />
      <div className="card w-full max-w-sm p-6 shadow-sm" data-testid="invitation">
        {!invitation ? (
          <>
            <h1>Invitation not found</h1>
            <p className="mt-2 text-slate-600">This invitation link is not valid. Check that you copied all of it.</p>
          </>
        ) : invitation.state !== "valid" ? (
          <>
            <h1>Invitation to {invitation.organizationName}</h1>
            <p className="mt-2 text-slate-600">{STATE_TEXT[invitation.state]}</p>
          </>
        ) : (
          <>
            <h1>Join {invitation.organizationName}</h1>
            <p className="mt-2 text-slate-600">
              You are invited as <strong>{ROLE_LABELS[invitation.role]}</strong>.
            </p>
            {session?.user ? (
              <AcceptInvitation token={token} email={session.user.email ?? ""} />
            ) : (
              <div className="mt-4 flex gap-2">
                <Link className="btn-primary" href={`/sign-up?callbackUrl=${callback}`}>
                  Create an account
                </Link>
                <Link className="btn" href={`/sign-in?callbackUrl=${callback}`}>
                  Sign in
                </Link>
              </div>
            )}
          </>
        )}
      </div>
    </main>
  );
}
