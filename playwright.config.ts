import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
// One id per run, inherited by every worker: a test that signs in as an earlier test's user still finds it
// when it runs again (a retry runs in a new worker, which evaluates the spec files anew).
process.env.E2E_RUN_ID ??= Date.now().toString(36);
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    // Debian's Chromium: tests never download a browser of their own.
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--headless",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: {
    // The whole product as `npm start` runs it, on a fresh database of its own.
    command: `node_modules/.bin/tsx e2e/serve.ts`,
    url: `http://127.0.0.1:${port}/sign-in`,
    // Ports of its own, so a developer's `npm start` can run beside the tests.
    // A small, quick sandbox world: reports are ready in seconds, so a browser test sees synced data.
    env: {
      PORT: String(port),
      APP_URL: `http://localhost:${port}`,
      SANDBOX_PORT: "8310",
      EXECUTOR_PORT: "8298",
      SANDBOX_VOLUME: "tiny",
      SANDBOX_REPORT_DELAY: "2",
      // A new store asks for some seventy reports; at Amazon's one createReport a minute that is an hour.
      SANDBOX_QUOTA_SCALE: "60",
      SYNC_REPORT_POLL_SECONDS: "1",
      // The sandbox's reports take Amazon's long-tailed times and a few fail on their own; a failed one is
      // asked for again after seconds here, not Amazon's 30 minutes or 4 hours.
      SYNC_FATAL_COOLDOWN_SECONDS: "5",
    },
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
