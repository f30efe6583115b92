// "Send me a fresh link": fresh manage links for the running gifts of whoever gives from that address,
// mailed to that address only. The answer never says whether the address is known, and the request is
// rate-limited per address and per client like sign-in emails (docs/recurring.md#manage-links).
import "server-only";
import { db } from "@/lib/db/client";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { getEnv } from "@/lib/env";
import { escapeHtml } from "@/lib/html";
import { allowAnonymousEmail } from "@/lib/rate-limit/email-limits";
import { giftFigure } from "./change-emails";
import { manageUrl } from "./manage-link";

export async function sendManageLinks(email: string, clientAddress: string): Promise<void> {
  const address = email.trim().toLowerCase();
  if (!(await allowAnonymousEmail(address, clientAddress))) return;
  const donors = await db.donor.findMany({
    where: { email: { equals: address, mode: "insensitive" } },
    include: {
      organisation: { select: { name: true, email: true } },
      recurringDonations: { where: { stripeSubscriptionId: { not: null }, status: { not: "canceled" } }, orderBy: { createdAt: "asc" } },
    },
  });
  const now = new Date();
  for (const donor of donors) {
    if (donor.recurringDonations.length === 0) continue;
    const gifts = donor.recurringDonations.map((gift) => ({
      label: giftFigure(gift, gift.amount, gift.feeCovered, gift.interval),
      url: manageUrl(gift.id, now),
    }));
    const lines = [
      `Dear ${donor.name || "supporter"},`,
      "",
      `Here are the links to see and change your recurring ${gifts.length === 1 ? "gift" : "gifts"} to ${donor.organisation.name}. Each link works for 30 days.`,
      "",
      ...gifts.flatMap((gift) => [`${gift.label}: ${gift.url}`]),
      "",
      "If you did not ask for these links, ignore this email: nobody else received them.",
      "",
      `Sent by Amply for ${donor.organisation.name} (${getEnv().APP_URL})`,
    ];
    await enqueueEmail(db, {
      to: donor.email,
      subject: `Manage your recurring gift to ${donor.organisation.name}`,
      text: lines.join("\n"),
      html: `<div style="font-family:system-ui,sans-serif;line-height:1.5"><p>${escapeHtml(lines[0] ?? "")}</p><p>${escapeHtml(lines[2] ?? "")}</p><ul>${gifts
        .map((gift) => `<li><a href="${escapeHtml(gift.url)}">${escapeHtml(gift.label)}</a></li>`)
        .join("")}</ul><p>If you did not ask for these links, ignore this email: nobody else received them.</p></div>`,
      kind: "recurring_manage_link",
    });
  }
}
