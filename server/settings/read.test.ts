import { afterEach, describe, expect, it } from "vitest";
import { generateKeyRingEntry } from "~/server/crypto/secrets";
import { SETTINGS } from "./catalog";
import { appUrl, checkSettings, setting, SettingError } from "./read";

const touched = new Map<string, string | undefined>();
/** Sets (or with undefined, removes) a variable for one test; afterEach puts it back. */
function env(name: string, value: string | undefined) {
  if (!touched.has(name)) touched.set(name, process.env[name]);
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
afterEach(() => {
  for (const [name, value] of touched) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  touched.clear();
});

describe("setting()", () => {
  it("gives the default when unset or blank, and parses what is set", () => {
    env("PORT", undefined);
    expect(setting("PORT")).toBe(3000);
    env("PORT", "  ");
    expect(setting("PORT")).toBe(3000);
    env("PORT", " 8080 ");
    expect(setting("PORT")).toBe(8080);
    env("SP_API_DRAFT_APP", "FALSE");
    expect(setting("SP_API_DRAFT_APP")).toBe(false);
    env("AMAZON_QUOTA_SCALE", "2.5");
    expect(setting("AMAZON_QUOTA_SCALE")).toBe(2.5);
    env("APP_URL", undefined);
    expect(setting("APP_URL")).toBeUndefined();
  });

  it("sees the environment as it is now, not as it was when first read", () => {
    env("AMAZON_SANDBOX_URL", undefined);
    expect(setting("AMAZON_SANDBOX_URL")).toBeUndefined();
    env("AMAZON_SANDBOX_URL", "http://127.0.0.1:9301");
    expect(setting("AMAZON_SANDBOX_URL")).toBe("http://127.0.0.1:9301");
    env("AMAZON_SANDBOX_URL", "http://127.0.0.1:9302");
    expect(setting("AMAZON_SANDBOX_URL")).toBe("http://127.0.0.1:9302");
  });

  it("refuses a bad value, naming the variable and what it accepts", () => {
    const refusal = (name: keyof typeof SETTINGS, value: string) => {
      env(name, value);
      try {
        setting(name);
      } catch (error) {
        expect(error).toBeInstanceOf(SettingError);
        return (error as Error).message;
      }
      throw new Error(`${name}=${value} was accepted`);
    };
    expect(refusal("TRUST_PROXY", "abc")).toBe('TRUST_PROXY must be false, true or a number of proxies up to 10 (got "abc")');
    expect(refusal("TRUST_PROXY", "11")).toMatch(/^TRUST_PROXY must be/);
    expect(refusal("PORT", "0")).toBe('PORT must be a port number from 1 to 65535 (got "0")');
    expect(refusal("EXECUTOR_PORT", "70000")).toBe('EXECUTOR_PORT must be a port number from 1 to 65535 (got "70000")');
    expect(refusal("APP_URL", "localhost:3000")).toBe('APP_URL must be an http:// or https:// URL (got "localhost:3000")');
    expect(refusal("AMAZON_QUOTA_SCALE", "0")).toBe('AMAZON_QUOTA_SCALE must be a number above 0 (got "0")');
    expect(refusal("SYNC_REPORT_POLL_SECONDS", "-5")).toBe('SYNC_REPORT_POLL_SECONDS must be a number above 0 (got "-5")');
    expect(refusal("EXECUTOR_WORKERS", "1.5")).toBe('EXECUTOR_WORKERS must be a whole number above 0 (got "1.5")');
    expect(refusal("SP_API_DRAFT_APP", "yes")).toBe('SP_API_DRAFT_APP must be true or false (got "yes")');
    expect(refusal("SANDBOX_VOLUME", "huge")).toBe('SANDBOX_VOLUME must be tiny, small or big (got "huge")');
    expect(refusal("EXECUTOR_MIGRATE", "yes")).toBe('EXECUTOR_MIGRATE must be 1 or 0 (got "yes")');
  });

  it("never echoes a secret it refuses", () => {
    env("AUTH_SECRET", "short-secret");
    expect(() => setting("AUTH_SECRET")).toThrow("AUTH_SECRET must be at least 32 characters long (got a value of 12 characters)");
    env("DATABASE_URL", "mysql://root:hunter2@db/app");
    expect(() => setting("DATABASE_URL")).toThrow(/^DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL \(got a value of \d+ characters\)$/);
    env("ENCRYPTION_KEYS", `k1:${Buffer.alloc(16, 1).toString("base64")}`);
    expect(() => setting("ENCRYPTION_KEYS")).toThrow(/^ENCRYPTION_KEYS must be .*: key "k1" is 16 bytes, not 32 \(got a value of \d+ characters\)$/);
    env("ENCRYPTION_KEYS", "nonsense");
    expect(() => setting("ENCRYPTION_KEYS")).toThrow(/entry 1 is not <id>:<base64>/);
    const good = generateKeyRingEntry("k2");
    env("ENCRYPTION_KEYS", good);
    expect(setting("ENCRYPTION_KEYS")).toBe(good);
  });

  it("derives the public origin from PORT when APP_URL is unset", () => {
    env("APP_URL", undefined);
    env("PORT", "3100");
    expect(appUrl()).toBe("http://localhost:3100");
    env("APP_URL", "https://shelfwise.example");
    expect(appUrl()).toBe("https://shelfwise.example");
  });

  it("parses the embedded PostgreSQL's hand-over from its parent", () => {
    env("EMBEDDED_POSTGRES_OPTIONS", JSON.stringify({ dataDir: "/d", port: 5, database: "db", password: "pw" }));
    expect(setting("EMBEDDED_POSTGRES_OPTIONS")).toEqual({ dataDir: "/d", port: 5, database: "db", password: "pw" });
    env("EMBEDDED_POSTGRES_OPTIONS", "{");
    expect(() => setting("EMBEDDED_POSTGRES_OPTIONS")).toThrow(/^EMBEDDED_POSTGRES_OPTIONS must be a JSON document of the expected shape: it is not JSON/);
  });
});

describe("checkSettings()", () => {
  it("lists every bad value at once, and nothing for a sound environment", () => {
    expect(checkSettings({ env: {} })).toEqual([]);
    expect(checkSettings({ env: { TRUST_PROXY: "abc", PORT: "http", SANDBOX_TIME_SCALE: "0" } })).toEqual([
      'PORT must be a port number from 1 to 65535 (got "http")',
      'TRUST_PROXY must be false, true or a number of proxies up to 10 (got "abc")',
      'SANDBOX_TIME_SCALE must be a number above 0 (got "0")',
    ]);
  });

  it("refuses Amazon credentials set in part", () => {
    expect(checkSettings({ env: { SP_API_APPLICATION_ID: "amzn1.sellerapps.app.x", ADS_CLIENT_ID: "c" } })).toEqual([
      "Amazon credentials are set only in part (missing SP_API_CLIENT_ID, SP_API_CLIENT_SECRET, ADS_CLIENT_SECRET): set all of SP_API_APPLICATION_ID, SP_API_CLIENT_ID, SP_API_CLIENT_SECRET, ADS_CLIENT_ID, ADS_CLIENT_SECRET, or none to use the sandbox Amazon.",
    ]);
  });

  it("checks only what one process reads when asked, and never test-only or parent-set variables", () => {
    const env = { EXECUTOR_WORKERS: "many", TRUST_PROXY: "abc", E2E_PORT: "nope", NODE_ENV: "staging" };
    expect(checkSettings({ env, reader: "executor" })).toEqual(['EXECUTOR_WORKERS must be a whole number above 0 (got "many")']);
    expect(checkSettings({ env, reader: "web" })).toEqual(['TRUST_PROXY must be false, true or a number of proxies up to 10 (got "abc")']);
  });
});

describe("the declarations", () => {
  it("give every setting a meaning, a reader and a default the schema accepts", () => {
    for (const [name, declaration] of Object.entries(SETTINGS)) {
      expect(declaration.meaning.length, name).toBeGreaterThan(10);
      expect(declaration.readBy.length, name).toBeGreaterThan(0);
      expect(declaration.schema.safeParse(undefined).success, name).toBe(true);
      expect(name).toMatch(/^[A-Z][A-Z0-9_]*$/);
    }
  });
});
