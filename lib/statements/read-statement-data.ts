// Everything a donor's statement for one year prints, read from the database.
import "server-only";
import { db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { calendarDate } from "@/lib/organisations/time-zone";
import { yearWindow, type StatementData } from "./statement-content";

/** Null when the organisation has no such donor (another organisation's donor is not found either). */
export async function readStatementData(organisationId: string, donorId: string, year: number): Promise<StatementData | null> {
  const donor = await db.donor.findFirst({ where: { id: donorId, organisationId }, include: { organisation: true } });
  if (!donor) return null;
  const { from, to } = yearWindow(year);
  const donations = await db.donation.findMany({
    where: {
      organisationId,
      donorId,
      paymentStatus: "succeeded",
      // A disputed charge is contested or was taken back by the bank: not a gift to certify.
      status: { not: "disputed" },
      succeededAt: { gte: from, lt: to },
    },
    select: {
      succeededAt: true,
      receiptNumber: true,
      chargedAmount: true,
      refundedAmount: true,
      currency: true,
      recurringDonationId: true,
      donorName: true,
      locale: true,
    },
    orderBy: { succeededAt: "asc" },
  });
  const { organisation } = donor;
  return {
    year,
    organisation: {
      name: organisation.name,
      legalName: organisation.legalName,
      registrationNumber: organisation.registrationNumber,
      address: organisation.address,
      email: organisation.email,
      timeZone: organisation.timeZone,
      taxStatement: organisation.taxStatement,
    },
    // The donor's name, else the one given with their latest gift.
    donor: { name: donor.name ?? donations.findLast((donation) => donation.donorName)?.donorName ?? null, email: donor.email },
    gifts: donations.flatMap((donation) =>
      donation.succeededAt
        ? [
            {
              succeededAt: donation.succeededAt,
              receiptNumber: donation.receiptNumber,
              chargedAmount: donation.chargedAmount,
              refundedAmount: donation.refundedAmount,
              currency: donation.currency,
              recurring: donation.recurringDonationId !== null,
            },
          ]
        : [],
    ),
    appUrl: getEnv().APP_URL,
    // The language of the donor's latest gift that year (one statement covers gifts made in several
    // languages: the most recent says best what the donor reads now); with no gift, the organisation's.
    locale:
      donations.findLast((donation) => donation.succeededAt && calendarDate(donation.succeededAt, organisation.timeZone).year === year)?.locale ??
      organisation.defaultLocale,
  };
}
