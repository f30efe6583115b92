"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { publicAction } from "@/lib/auth/public-action";
import { signIn } from "@/lib/auth/auth";
import { dashboardText } from "@/lib/i18n/dashboard-text";

const schema = z.object({
  email: z
    .string()
    .trim()
    .pipe(z.email({ error: () => dashboardText("auth")("signIn.invalidEmail") }).max(254)),
  callbackUrl: z.string().max(2000).optional(),
});

/** Only paths inside Amply: a sign-in link must never send someone to another site. */
function safeCallback(value: string | undefined) {
  return value && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : "/dashboard";
}

export const requestSignInLink = publicAction(schema, async (input) => {
  try {
    // Ends with a redirect to the check-email page, which Next.js throws (errorState lets it through).
    await signIn("email", { email: input.email, redirectTo: safeCallback(input.callbackUrl) });
  } catch (error) {
    if (error instanceof AuthError) throw new ApiError("internal", dashboardText("auth")("signIn.couldNotSend"));
    throw error;
  }
  return {};
});
