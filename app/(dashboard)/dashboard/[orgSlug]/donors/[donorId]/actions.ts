"use server";

import { z } from "zod";
import { organisationAction } from "@/lib/auth/organisation-action";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { emailStatement } from "@/lib/statements/email-statement";
import { statementYear } from "@/lib/statements/statement-year";

const emailStatementInput = z.object({ donorId: z.string().min(1).max(64), year: statementYear });

export const emailStatementAction = organisationAction("admin", emailStatementInput, async (input, { organisation }) => {
  const sent = await emailStatement(organisation.id, input.donorId, input.year);
  return { ok: true, message: dashboardText("donors")("statementSent", { year: String(input.year), to: sent.to }) };
});
