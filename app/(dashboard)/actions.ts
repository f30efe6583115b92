"use server";

import { z } from "zod";
import { publicAction } from "@/lib/auth/public-action";
import { signOut } from "@/lib/auth/auth";

const signOutWithState = publicAction(z.object({}), async () => {
  await signOut({ redirectTo: "/" });
  return {};
});

/** The header's "Sign out" button (a plain form action: it has no state to show). */
export async function signOutAction(form: FormData): Promise<void> {
  await signOutWithState({}, form);
}
