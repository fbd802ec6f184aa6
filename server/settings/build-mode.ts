/**
 * NODE_ENV, the one setting client components may read: Next.js replaces `process.env.NODE_ENV` with
 * its value when it bundles (for the browser and the server alike), so the access must stay literal
 * and this file must import nothing server-side. Its declaration is in `declarations/other.ts`.
 */
export const isDevelopment = (): boolean => process.env.NODE_ENV === "development";
export const isProduction = (): boolean => process.env.NODE_ENV === "production";
