export const ROLES = ["viewer", "operator", "admin", "owner"] as const;
export type Role = (typeof ROLES)[number];

/** viewer < operator < admin < owner: a role may do whatever the roles below it may. */
export function hasRole(actual: Role, required: Role): boolean {
  return ROLES.indexOf(actual) >= ROLES.indexOf(required);
}

export const ROLE_LABELS: Record<Role, string> = {
  owner: "Owner",
  admin: "Admin",
  operator: "Operator",
  viewer: "Viewer",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: "Everything, including billing, deleting the organization and naming other owners.",
  admin: "Manages members and Amazon authorizations.",
  operator: "Runs syncs and edits advertising; cannot manage members or authorizations.",
  viewer: "Reads every report; changes nothing.",
};
