// "Send me a fresh link": fresh manage links for the running gifts of whoever gives from that address,
// mailed to that address only. The answer never says whether the address is known, and the request is
// rate-limited per address and per client like sign-in emails (docs/recurring.md#manage-links).
import "server-only";
import { db } from "@/lib/db/client";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { getEnv } from "@/lib/env";
import { escapeHtml } from "@/lib/html";
import { isLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { allowAnonymousEmail } from "@/lib/rate-limit/email-limits";
import { giftFigure } from "./change-emails";
import { manageUrl } from "./manage-link";

/**
 * `locale` is the language the /manage page was in when the donor asked (ignored unless it is one
 * of Amply's); without it, each organisation's email is in that organisation's default language.
 */
export async function sendManageLinks(email: string, clientAddress: string, locale?: string | null): Promise<void> {
  const address = email.trim().toLowerCase();
  if (!(await allowAnonymousEmail(address, clientAddress))) return;
  const donors = await db.donor.findMany({
    where: { email: { equals: address, mode: "insensitive" } },
    include: {
      organisation: { select: { name: true, email: true, defaultLocale: true } },
      recurringDonations: { where: { stripeSubscriptionId: { not: null }, status: { not: "canceled" } }, orderBy: { createdAt: "asc" } },
    },
  });
  const now = new Date();
  for (const donor of donors) {
    if (donor.recurringDonations.length === 0) continue;
    const language = isLocale(locale) ? locale : donor.organisation.defaultLocale;
    const t = translator(language, "email");
    const organisation = donor.organisation.name;
    const gifts = donor.recurringDonations.map((gift) => ({
      label: giftFigure(gift, gift.amount, gift.feeCovered, gift.interval, language),
      url: manageUrl(gift.id, now),
    }));
    const greeting = donor.name ? t("dear", { name: donor.name }) : t("dearSupporter");
    const intro = t("manageLinks.intro", { count: gifts.length, organisation });
    const notYou = t("manageLinks.notYou");
    const lines = [
      greeting,
      "",
      intro,
      "",
      ...gifts.map((gift) => t("manageLinks.line", { gift: gift.label, url: gift.url })),
      "",
      notYou,
      "",
      t("sentBy", { organisation, appUrl: getEnv().APP_URL }),
    ];
    await enqueueEmail(db, {
      to: donor.email,
      subject: t("manageLinks.subject", { organisation }),
      text: lines.join("\n"),
      html: `<div lang="${language}" style="font-family:system-ui,sans-serif;line-height:1.5"><p>${escapeHtml(greeting)}</p><p>${escapeHtml(intro)}</p><ul>${gifts
        .map((gift) => `<li><a href="${escapeHtml(gift.url)}">${escapeHtml(gift.label)}</a></li>`)
        .join("")}</ul><p>${escapeHtml(notYou)}</p></div>`,
      kind: "recurring_manage_link",
    });
  }
}
