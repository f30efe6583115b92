// Who may do what in an organisation. Every dashboard page and organisation API goes through here.
import "server-only";
import { cache } from "react";
import { auth } from "@/lib/auth/auth";
import { hasRole } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums.ts";
import { ApiError } from "@/lib/api/errors";
import { isSlug } from "@/lib/http/slug";

export type SessionUser = { id: string; email: string; name?: string | null };

export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  return session?.user?.id ? session.user : null;
});

export type Membership = Awaited<ReturnType<typeof findMembership>>;

async function findMembership(userId: string, where: { slug: string } | { id: string }) {
  if ("slug" in where ? !isSlug(where.slug) : !/^[A-Za-z0-9_-]{1,64}$/.test(where.id)) return { organisation: null, role: null } as const;
  const organisation = await db.organisation.findUnique({ where });
  if (!organisation) return { organisation: null, role: null } as const;
  const membership = await db.membership.findUnique({ where: { userId_organisationId: { userId, organisationId: organisation.id } } });
  return { organisation, role: membership?.role ?? null } as const;
}

/**
 * The signed-in user's role in an organisation, checked against the role required:
 * signed out -> 401, unknown organisation -> 404, not a member or too small a role -> 403.
 */
export async function requireRole(where: { slug: string } | { id: string }, atLeast: Role) {
  const user = await currentUser();
  if (!user) throw new ApiError("unauthenticated", "Sign in to continue.");
  const { organisation, role } = await findMembership(user.id, where);
  if (!organisation) throw new ApiError("not_found", "There is no such organisation.");
  if (!role) throw new ApiError("forbidden", "You are not a member of this organisation.");
  if (!hasRole(role, atLeast)) throw new ApiError("forbidden", `This needs the ${atLeast} role; you are ${role === "viewer" ? "a viewer" : `an ${role}`}.`);
  return { user, organisation, role };
}

export const getMembershipBySlug = cache(async (userId: string, slug: string) => findMembership(userId, { slug }));
