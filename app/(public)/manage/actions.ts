"use server";
// "Send me a fresh link" on /manage: the same answer whether or not the address gives to anyone.

import { z } from "zod";
import { publicAction } from "@/lib/auth/public-action";
import { sendManageLinks } from "@/lib/recurring/send-manage-links";

const schema = z.object({
  email: z.string().trim().max(254).pipe(z.email("Enter the email address your receipts go to, like name@example.org.")),
  // The language the page was in: the links' email is written in it (one Amply does not speak is ignored).
  locale: z.string().max(16).optional(),
});

export const requestManageLinkAction = publicAction(schema, async (input, { clientAddress }) => {
  await sendManageLinks(input.email, clientAddress, input.locale);
  return {
    ok: true,
    message: "If this address gives to an organisation through Amply, we have sent it a link to manage those gifts. It can take a few minutes to arrive.",
  };
});
