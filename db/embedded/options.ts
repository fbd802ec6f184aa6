export interface EmbeddedOptions {
  /** Folder of the cluster; kept across restarts. */
  dataDir: string;
  port: number;
  /** Database created on first start (beside the maintenance database `postgres`). */
  database: string;
  /** Password of the `postgres` user; a cluster made with another one is moved to it. */
  password: string;
}
