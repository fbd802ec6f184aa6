// Volume knobs: seller 0 gets the named volume, others a fixed fraction, so a
// "big" world still has a tiny and a mid-size seller to compare against.

export type Volume = "tiny" | "small" | "big";

export interface VolumeProfile {
  ordersPerDay: number;
  parents: number;
  childrenPerParent: number;
  standalone: number;
  campaigns: number;
  adGroupsPerCampaign: number;
  keywordsPerAdGroup: number;
  targetsPerAdGroup: number;
}

export const VOLUMES: Record<Volume, VolumeProfile> = {
  tiny: { ordersPerDay: 8, parents: 2, childrenPerParent: 3, standalone: 4, campaigns: 2, adGroupsPerCampaign: 2, keywordsPerAdGroup: 5, targetsPerAdGroup: 2 },
  small: { ordersPerDay: 120, parents: 20, childrenPerParent: 4, standalone: 60, campaigns: 10, adGroupsPerCampaign: 4, keywordsPerAdGroup: 15, targetsPerAdGroup: 3 },
  big: { ordersPerDay: 2150, parents: 300, childrenPerParent: 4, standalone: 800, campaigns: 100, adGroupsPerCampaign: 10, keywordsPerAdGroup: 67, targetsPerAdGroup: 5 },
};

export interface WorldConfig {
  seed: string;
  volume: Volume;
  /** First local day that has business (orders, ads metrics). */
  historyStart: string;
}
