import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname) } },
  test: {
    // TEST_GATE=1 runs only the deliberately failing test of `.ci/run`'s gate, through this same config.
    include: process.env.TEST_GATE === "1" ? ["test/gate/*.gate.ts"] : ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", ".data/**"],
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/setup-env.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    server: { deps: { inline: ["next-auth"] } },
  },
});
