"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { publicAction } from "@/lib/auth/public-action";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { acceptInvitation } from "@/lib/organisations/invitations";

/** Joining is a deliberate step (a POST), not a side effect of opening the link. */
export const acceptInvitationAction = publicAction(z.object({ token: z.string().min(1).max(200) }), async ({ token }, { user }) => {
  if (!user) throw new ApiError("unauthenticated", dashboardText("auth")("invitation.sessionEnded"));
  const slug = await acceptInvitation(token, user);
  redirect(`/dashboard/${slug}`);
});
