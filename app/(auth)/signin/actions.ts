"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn } from "@/lib/auth/auth";
import { formText } from "@/lib/form-text";

const schema = z.object({
  email: z.email({ error: "Enter your email address, like name@example.org." }).max(254),
  callbackUrl: z.string().optional(),
});

export type SignInState = { error?: string; fieldError?: string; email?: string };

/** Only paths inside Amply: a sign-in link must never send someone to another site. */
function safeCallback(value: string | undefined) {
  return value && value.startsWith("/") && !value.startsWith("//") ? value : "/dashboard";
}

export async function requestSignInLink(_state: SignInState, form: FormData): Promise<SignInState> {
  const parsed = schema.safeParse({ email: formText(form, "email").trim(), callbackUrl: form.get("callbackUrl") ?? undefined });
  if (!parsed.success) return { fieldError: parsed.error.issues[0]?.message, email: formText(form, "email") };
  try {
    await signIn("email", { email: parsed.data.email, redirectTo: safeCallback(parsed.data.callbackUrl) });
  } catch (error) {
    // signIn ends with a redirect to the check-email page, which Next.js throws; let it through.
    if (error instanceof AuthError) return { error: "We could not send a sign-in link just now. Please try again.", email: parsed.data.email };
    throw error;
  }
  return {};
}
