import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  // Tables only one sync task writes live in its folder (server/sync/tasks/<task>/table.ts).
  schema: ["./db/schema/index.ts", "./server/sync/tasks/*/table.ts"],
  out: "./db/migrations",
  casing: "snake_case",
  dbCredentials: { url: process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres" },
});
