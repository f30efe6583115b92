import type { Role } from "@/lib/db/generated/enums.ts";

const RANK: Record<Role, number> = { viewer: 1, admin: 2, owner: 3 };

/** Owners can do everything admins can; admins everything viewers can. */
export function hasRole(role: Role, atLeast: Role): boolean {
  return RANK[role] >= RANK[atLeast];
}

export const ROLE_LABELS: Record<Role, string> = {
  owner: "Owner",
  admin: "Admin",
  viewer: "Viewer",
};
