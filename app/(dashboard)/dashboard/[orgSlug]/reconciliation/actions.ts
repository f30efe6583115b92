"use server";

import { revalidatePath } from "next/cache";
import { startReconciliationRun } from "@/lib/reconciliation/start-reconciliation-run";
import { reconciliationRange } from "@/lib/reconciliation/reconciliation-range";
import { organisationAction } from "@/lib/auth/organisation-action";

export const startReconciliationAction = organisationAction("admin", reconciliationRange, async (input, { organisation, user }) => {
  await startReconciliationRun(organisation.id, input, user.id);
  revalidatePath(`/dashboard/${organisation.slug}/reconciliation`);
  return { ok: true, message: `Comparing ${input.from} to ${input.to} with Stripe. You can leave this page and come back.` };
});
