import { spawn, type ChildProcess } from "node:child_process";

export interface RestartPolicy {
  /** First wait before a restart; doubles per consecutive crash. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** A child up this long counts as healthy again: its next crash starts from the first delay. */
  healthyAfterMs: number;
  /** This many crashes in a row, each before it was healthy, is a crash loop: give up. */
  maxCrashes: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = { initialDelayMs: 1_000, maxDelayMs: 30_000, healthyAfterMs: 60_000, maxCrashes: 8 };

export interface Supervised {
  name: string;
  /** The running process (a new one after each restart). */
  readonly child: ChildProcess;
  readonly restarts: number;
  /** Stops it for good (no restart) and waits for it to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface SuperviseOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  policy?: RestartPolicy;
  log: (line: string) => void;
  /** Called when the child keeps crashing and will not be restarted again. */
  onGiveUp: (name: string) => void;
}

/**
 * Runs a child whose output is prefixed with its name, and restarts it with backoff when it dies, so one
 * crashed part (the executor killed with -9, the sandbox out of memory) never takes the others down. A child
 * that keeps dying before it was ever healthy is given up on: `onGiveUp` decides what happens then.
 */
export function supervise(name: string, command: string, args: string[], options: SuperviseOptions): Supervised {
  const policy = options.policy ?? DEFAULT_RESTART_POLICY;
  let stopped = false;
  let crashes = 0;
  let restarts = 0;
  let timer: NodeJS.Timeout | undefined;
  let child: ChildProcess;

  const launch = () => {
    const startedAt = Date.now();
    child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
    const prefix = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n")) if (line.trim()) stream.write(`[${name}] ${line}\n`);
    };
    child.stdout?.on("data", prefix(process.stdout));
    child.stderr?.on("data", prefix(process.stderr));
    child.once("exit", (code, signal) => {
      if (stopped) return;
      crashes = Date.now() - startedAt >= policy.healthyAfterMs ? 1 : crashes + 1;
      const how = signal ?? `code ${code}`;
      if (crashes > policy.maxCrashes) {
        options.log(`${name} exited (${how}) ${crashes} times in a row without staying up; giving up on it.`);
        options.onGiveUp(name);
        return;
      }
      const delay = Math.min(policy.initialDelayMs * 2 ** (crashes - 1), policy.maxDelayMs);
      options.log(`${name} exited (${how}); restarting it in ${Math.round(delay / 100) / 10} s.`);
      timer = setTimeout(() => {
        if (stopped) return;
        restarts += 1;
        launch();
      }, delay);
    });
  };
  launch();

  return {
    name,
    get child() {
      return child;
    },
    get restarts() {
      return restarts;
    },
    async stop(signal = "SIGTERM") {
      stopped = true;
      clearTimeout(timer);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill(signal);
      await exited;
    },
  };
}

export async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s.`);
}
