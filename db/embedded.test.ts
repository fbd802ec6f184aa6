import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { DatabaseStartError, folderOthersCannotEnter, startEmbeddedPostgres } from "./embedded";
import { portIsFree } from "./embedded/checks";
import { runMigrations } from "./migrate";

const folder = fs.mkdtempSync(path.join(os.tmpdir(), "embedded-pg-"));
// The server runs as the unprivileged `postgres` user when tests run as root: it must reach the folder.
fs.chmodSync(folder, 0o755);
const port = 54390 + (process.pid % 50);

afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

describe("embedded PostgreSQL", () => {
  it("keeps its data across a restart", { timeout: 120_000 }, async () => {
    const dataDir = path.join(folder, "data");
    // Made with the fixed password clusters had before passwords were generated…
    const first = await startEmbeddedPostgres({ dataDir, port, database: "app", password: "postgres" });
    await runMigrations(first.url);
    const sql = postgres(first.url, { max: 1, onnotice: () => {} });
    await sql`insert into organizations (name) values ('Kept Co')`;
    await sql.end();
    await first.stop();

    // …and restarted with a generated one: the server is moved to it.
    const second = await startEmbeddedPostgres({ dataDir, port, database: "app", password: "second-pw" });
    expect(second.url).toContain("second-pw");
    await runMigrations(second.url);
    const again = postgres(second.url, { max: 1, onnotice: () => {} });
    expect(await again`select name from organizations`).toEqual([{ name: "Kept Co" }]);
    await again.end();
    await second.stop();
  });

  it.each(["stop", "leave"])(
    "leaves the caller's exit status alone, and stops with the caller (%s)",
    { timeout: 120_000 },
    async (mode) => {
      const dataDir = path.join(folder, `exit-${mode}`);
      const fixturePort = port + (mode === "stop" ? 3 : 4);
      const result = spawnSync(process.execPath, ["--import", "tsx", "test/fixtures/embedded-exit-status.ts", dataDir, String(fixturePort), mode], {
        encoding: "utf8",
        timeout: 100_000,
      });
      expect(result.stdout).toContain("ready postgres://");
      expect(result.status).toBe(3);
      // The server went with its caller: the port is free again.
      await expect.poll(() => portIsFree(fixturePort), { timeout: 20_000 }).toBe(true);
    },
  );

  it("says clearly when its port is taken", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(port + 1, "127.0.0.1", resolve));
    try {
      const attempt = startEmbeddedPostgres({ dataDir: path.join(folder, "other"), port: port + 1, database: "app", password: "first-pw" });
      await expect(attempt).rejects.toBeInstanceOf(DatabaseStartError);
      await expect(attempt).rejects.toThrow(/Port \d+ is already in use/);
    } finally {
      blocker.close();
    }
  });

  it("says clearly when its folder cannot be written", async () => {
    const file = path.join(folder, "a-file");
    fs.writeFileSync(file, "");
    await expect(
      startEmbeddedPostgres({ dataDir: path.join(file, "data"), port: port + 2, database: "app", password: "first-pw" }),
    ).rejects.toThrow(/cannot be created or written/);
  });
});

it("finds the folder that keeps the postgres user out of the data folder", () => {
  const closed = fs.mkdtempSync(path.join(folder, "closed-"));
  fs.chmodSync(closed, 0o700);
  expect(folderOthersCannotEnter(path.join(closed, "pg", "data"))).toBe(closed);
  expect(folderOthersCannotEnter(path.join(folder, "open", "data"))).toBeNull();
});
