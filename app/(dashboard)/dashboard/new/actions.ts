"use server";

import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/auth/organisation-action";
import { currentUser } from "@/lib/auth/membership";
import { createOrganisation, SlugTakenError } from "@/lib/organisations/create-organisation";
import { readOrganisationForm, slugField } from "@/lib/organisations/organisation-input";
import { readLogoField } from "@/lib/organisations/read-logo-field";

/** Any signed-in person may start an organisation; they become its owner. */
export async function createOrganisationAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const user = await currentUser();
  if (!user) return { error: "Your session has ended. Sign in again to create the organisation." };
  const read = readOrganisationForm(form);
  const slug = slugField.safeParse(form.get("slug") ?? "");
  const logo = await readLogoField(form);
  const fieldErrors = {
    ...(read.ok ? {} : read.fieldErrors),
    ...(slug.success ? {} : { slug: slug.error.issues[0]?.message ?? "Choose an address." }),
    ...(logo.ok ? {} : { logo: logo.error }),
  };
  if (!read.ok || !slug.success || !logo.ok) return { error: "Some fields need your attention.", fieldErrors };
  try {
    await createOrganisation({ ...read.input, slug: slug.data }, user.id, logo.logo);
  } catch (error) {
    if (error instanceof SlugTakenError) return { error: "That address is taken.", fieldErrors: { slug: "Another organisation uses this address; choose another." } };
    throw error;
  }
  redirect(`/dashboard/${slug.data}/settings/payments`);
}
