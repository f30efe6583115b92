"use server";

import { revalidatePath } from "next/cache";
import { startReconciliationRun } from "@/lib/reconciliation/start-reconciliation-run";
import { reconciliationRange } from "@/lib/reconciliation/reconciliation-range";
import { organisationAction } from "@/lib/auth/organisation-action";
import { translator } from "@/lib/i18n/translator";

export const startReconciliationAction = organisationAction("admin", reconciliationRange, async (input, { organisation, user }) => {
  await startReconciliationRun(organisation.id, input, user.id);
  revalidatePath(`/dashboard/${organisation.slug}/reconciliation`);
  return { ok: true, message: translator("en", "reconciliation")("form.started", { from: input.from, to: input.to }) };
});
