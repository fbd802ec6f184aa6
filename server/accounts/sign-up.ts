import { z } from "zod";
import type { Database } from "~/db/client";
import { memberships, organizations, users } from "~/db/schema";
import { UserFacingError } from "./errors";
import { hashPassword, passwordWeakness } from "./password";

export const signUpInput = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(100),
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.")),
  password: z.string(),
  organizationName: z.string().trim().max(100).optional(),
});
export type SignUpInput = z.input<typeof signUpInput>;

/** Creates the user with their own organization, of which they are the owner. */
export async function signUp(db: Database, raw: SignUpInput) {
  const input = signUpInput.parse(raw);
  const weakness = passwordWeakness(input.password);
  if (weakness) throw new UserFacingError("weak_password", `That password is too weak. ${weakness}`);
  const passwordHash = await hashPassword(input.password);

  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id, email: users.email, name: users.name });
    if (!user) throw new UserFacingError("email_taken", "An account with this email already exists. Sign in instead.");
    const [organization] = await tx
      .insert(organizations)
      .values({ name: input.organizationName || `${input.name}'s company` })
      .returning({ id: organizations.id, name: organizations.name });
    await tx.insert(memberships).values({ organizationId: organization!.id, userId: user.id, role: "owner" });
    return { user, organization: organization! };
  });
}
