"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { organisationAction } from "@/lib/auth/organisation-action";
import { startStatementRun } from "@/lib/statements/start-statement-run";
import { statementYear } from "@/lib/statements/statement-year";

const startStatementRunInput = z.object({ year: statementYear });

export const startStatementRunAction = organisationAction("admin", startStatementRunInput, async (input, { organisation, user }) => {
  const run = await startStatementRun(organisation.id, input.year, user.id);
  revalidatePath(`/dashboard/${organisation.slug}/statements`);
  return {
    ok: true,
    message:
      run.total === 0
        ? `No donor gave in ${input.year}: there is nothing to send.`
        : `Sending ${run.total} statements for ${input.year}. You can leave this page.`,
  };
});
