import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "start-settings-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** `npm start` with some settings; resolves with its exit status and output. */
function start(env: Record<string, string>): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const { TEST_DATABASE_SERVER_URL: _testServer, ...inherited } = process.env;
    const child = spawn(process.execPath, ["--import", "tsx", "server/runtime/start.ts"], {
      env: { ...inherited, DATA_DIR: dataDir, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`npm start did not exit within 60 s:\n${output}`));
    }, 60_000);
    child.once("exit", (status) => {
      clearTimeout(timer);
      resolve({ status, output });
    });
  });
}

describe("npm start checks its settings first", () => {
  it("exits 1 naming each bad value, before it starts or generates anything", { timeout: 70_000 }, async () => {
    const { status, output } = await start({ TRUST_PROXY: "abc", EXECUTOR_PORT: "99999", DATABASE_URL: "" });
    expect(output).toContain('[start] TRUST_PROXY must be false, true or a number of proxies up to 10 (got "abc")');
    expect(output).toContain('[start] EXECUTOR_PORT must be a port number from 1 to 65535 (got "99999")');
    expect(output).not.toMatch(/embedded PostgreSQL|Failed to start/);
    expect(fs.readdirSync(dataDir)).toEqual([]);
    expect(status).toBe(1);
  });
});
