// The Share & embed form's list of sites, read with the rules of embed-origins.ts. http is taken
// for the machine itself only with the offline sandbox, so local browser tests can embed the page
// from a second local origin.
import { z } from "zod";
import { getEnv } from "@/lib/env";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { parseEmbedOrigins } from "./embed-origins";

export function embedOriginsFormSchema() {
  return z.object({
    embedOrigins: z
      .string()
      .max(4_000, dashboardText("share")("validation.listLong"))
      .default("")
      .transform((text, ctx) => {
        const parsed = parseEmbedOrigins(text, { allowLoopbackHttp: getEnv().stripeSandbox });
        if (parsed.ok) return parsed.origins;
        ctx.addIssue({ code: "custom", message: parsed.error });
        return z.NEVER;
      }),
  });
}
