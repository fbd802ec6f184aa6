import type { z } from "zod";
import type { Declaration } from "./declaration";
import { AMAZON_SETTINGS } from "./declarations/amazon";
import { APP_SETTINGS } from "./declarations/app";
import { JOB_SETTINGS } from "./declarations/jobs";
import { INTERNAL_SETTINGS, TEST_SETTINGS } from "./declarations/other";

/** Every environment variable the product and its tooling read, in the README's order. */
export const SETTINGS = { ...APP_SETTINGS, ...AMAZON_SETTINGS, ...JOB_SETTINGS, ...TEST_SETTINGS, ...INTERNAL_SETTINGS };

export type SettingName = keyof typeof SETTINGS;
export type SettingValue<N extends SettingName> = z.output<(typeof SETTINGS)[N]["schema"]>;

export const declarations = () => Object.entries(SETTINGS) as [SettingName, Declaration][];

/** Setting any of these means real Amazon; with none, the sandbox Amazon stands in. */
export const AMAZON_CREDENTIALS = [
  "SP_API_APPLICATION_ID",
  "SP_API_CLIENT_ID",
  "SP_API_CLIENT_SECRET",
  "ADS_CLIENT_ID",
  "ADS_CLIENT_SECRET",
] as const satisfies readonly SettingName[];
