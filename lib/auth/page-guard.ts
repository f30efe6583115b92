// Guards for dashboard pages: the same rules as the API (lib/auth/membership.ts), as navigation.
import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { currentUser, getMembershipBySlug } from "@/lib/auth/membership";
import { hasRole } from "@/lib/auth/roles";
import type { Role } from "@/lib/db/generated/enums.ts";

export async function requireSignedIn(callbackPath: string) {
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackPath)}`);
  return user;
}

/** Signed out -> sign-in page; unknown organisation -> 404; not a member or too small a role -> 403. */
export async function requirePageRole(slug: string, atLeast: Role, callbackPath = `/dashboard/${slug}`) {
  const user = await requireSignedIn(callbackPath);
  const { organisation, role } = await getMembershipBySlug(user.id, slug);
  if (!organisation) notFound();
  if (!role || !hasRole(role, atLeast)) forbidden();
  return { user, organisation, role };
}
