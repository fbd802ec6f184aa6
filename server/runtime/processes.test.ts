import { afterEach, describe, expect, it } from "vitest";
import { supervise, type RestartPolicy, type Supervised } from "./processes";

/*
 * The launcher's supervisor, with real child processes: a killed child comes back, its neighbours are
 * untouched, and a child that keeps dying is given up on instead of restarting forever.
 */

const quick: RestartPolicy = { initialDelayMs: 100, maxDelayMs: 400, healthyAfterMs: 60_000, maxCrashes: 3 };
const running: Supervised[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop("SIGKILL")));
});

function start(name: string, script: string, policy: RestartPolicy, onGiveUp: (name: string) => void = () => {}) {
  const lines: string[] = [];
  const s = supervise(name, process.execPath, ["-e", script], { cwd: process.cwd(), env: process.env, policy, log: (l) => lines.push(l), onGiveUp });
  running.push(s);
  return { s, lines };
}

const STAY_UP = "setInterval(() => {}, 1000)";

describe("supervise", () => {
  it("restarts a child killed with -9 and leaves the others running", async () => {
    const executor = start("executor", STAY_UP, quick);
    const web = start("web", STAY_UP, quick);
    const firstPid = executor.s.child.pid;
    const webPid = web.s.child.pid;
    executor.s.child.kill("SIGKILL");
    await expect.poll(() => executor.s.restarts, { timeout: 10_000 }).toBe(1);
    expect(executor.s.child.pid).not.toBe(firstPid);
    expect(executor.s.child.exitCode).toBeNull();
    expect(web.s.child.pid).toBe(webPid);
    expect(web.s.child.exitCode).toBeNull();
    expect(executor.lines[0]).toMatch(/executor exited \(SIGKILL\); restarting it in 0\.1 s/);
  });

  it("backs off between crashes, and gives up on a crash loop", async () => {
    const gaveUp: string[] = [];
    const crasher = start("sandbox", "process.exit(3)", quick, (name) => gaveUp.push(name));
    await expect.poll(() => gaveUp, { timeout: 15_000 }).toEqual(["sandbox"]);
    expect(crasher.s.restarts).toBe(3);
    expect(crasher.lines.slice(0, 3).map((l) => /in ([\d.]+) s/.exec(l)?.[1])).toEqual(["0.1", "0.2", "0.4"]);
    expect(crasher.lines.at(-1)).toMatch(/sandbox exited \(code 3\) 4 times in a row without staying up; giving up/);
  });

  it("stop() ends a child for good", async () => {
    const steady = start("web", STAY_UP, quick);
    await steady.s.stop();
    await new Promise((r) => setTimeout(r, 300));
    expect(steady.s.restarts).toBe(0);
    expect(steady.s.child.signalCode).toBe("SIGTERM");
  });
});
