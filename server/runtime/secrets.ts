import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * A secret from the environment, or one generated on first start and kept in the data folder so sessions
 * survive restarts. The file is readable by its owner only.
 */
export function persistentSecret(
  dataDir: string,
  name: string,
  fromEnv: string | undefined,
  generate: () => string = () => randomBytes(32).toString("base64url"),
): string {
  if (fromEnv) return fromEnv;
  const file = path.join(dataDir, name);
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const secret = generate();
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
