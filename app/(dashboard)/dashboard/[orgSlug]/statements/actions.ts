"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { organisationAction } from "@/lib/auth/organisation-action";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { startStatementRun } from "@/lib/statements/start-statement-run";
import { statementYear } from "@/lib/statements/statement-year";

const startStatementRunInput = z.object({ year: statementYear });

export const startStatementRunAction = organisationAction("admin", startStatementRunInput, async (input, { organisation, user }) => {
  const run = await startStatementRun(organisation.id, input.year, user.id);
  revalidatePath(`/dashboard/${organisation.slug}/statements`);
  const t = dashboardText("statements");
  const year = String(input.year);
  return { ok: true, message: run.total === 0 ? t("nothingToSend", { year }) : t("sending", { total: run.total, year }) };
});
