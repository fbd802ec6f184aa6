import NextAuth from "next-auth";
import { db } from "~/db/client";
import { authConfig } from "./config";

export const { auth, handlers, signIn, signOut } = NextAuth(authConfig(db));
