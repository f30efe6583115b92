// The donor's page for their recurring gifts to one organisation, reached from a receipt's link.
// The link is the only credential: a tampered, expired or unknown one gets a page that offers a
// fresh link (docs/recurring.md#manage-links). The token is never logged, and the page sends no
// Referer anywhere (next.config.ts).
import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { CancelForm, ChangeGiftForm, PauseForm, ResumeForm, type ManagedGiftView } from "@/components/recurring/gift-forms";
import { PaymentMethodForm } from "@/components/recurring/payment-method-form";
import { RequestLinkForm } from "@/components/recurring/request-link-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { ApiError } from "@/lib/api/errors";
import { getEnv } from "@/lib/env";
import { toDecimalString } from "@/lib/money/amount";
import { giftsOfDonor, linkedGift, type ManagedGift } from "@/lib/recurring/authorize-managed-gift";
import { formatDate, giftFigure } from "@/lib/recurring/change-emails";
import { GIFT_STATUS_LABELS, giftStatus } from "@/lib/recurring/gift-status";
import { readLiveGift } from "@/lib/recurring/read-live-gift";

export const metadata: Metadata = { title: "Your recurring gifts", referrer: "no-referrer", robots: { index: false } };

export default async function ManageGiftsPage({ params }: { params: Promise<{ token: string }> }) {
  const { token: raw } = await params;
  const token = decodeURIComponent(raw);
  let linked: NonNullable<ManagedGift>;
  try {
    linked = await linkedGift(token);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return <RefusedLink message={error.message} expired={error.details.reason === "expired_link"} />;
  }
  const gifts = await Promise.all((await giftsOfDonor(linked)).map((gift) => readLiveGift(gift)));
  const env = getEnv();
  const stripe = { publishableKey: env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY, scriptUrl: env.STRIPE_JS_URL };
  return (
    <div className="mx-auto grid max-w-2xl gap-6">
      <div>
        <h1 className="text-2xl font-bold">Your recurring gifts to {linked.organisation.name}</h1>
        <p className="mt-1 text-slate-700">
          Changes are made at once with our payment provider and show here a moment later. We email you a confirmation of each.
        </p>
      </div>
      {gifts.map((gift) => {
        const status = giftStatus(gift);
        const view: ManagedGiftView = {
          id: gift.id,
          currency: gift.currency,
          amountInput: toDecimalString(gift.amount, gift.currency),
          interval: gift.interval,
          coverFee: gift.feeCovered > 0n,
          paused: status === "paused",
          canChange: status !== "canceled" && status !== "incomplete",
        };
        const ids = { token, gift: view };
        return (
          <Card key={gift.id} title={giftFigure(gift, gift.amount, gift.feeCovered, gift.interval)} headingLevel={2}>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" data-testid="gift-summary">
              <dt className="text-slate-600">Status</dt>
              <dd data-testid="gift-status">{GIFT_STATUS_LABELS[status]}</dd>
              {status === "paused" && gift.pausedUntil ? (
                <>
                  <dt className="text-slate-600">Resumes</dt>
                  <dd>{formatDate(gift.pausedUntil)}</dd>
                </>
              ) : null}
              {view.canChange && gift.currentPeriodEnd ? (
                <>
                  <dt className="text-slate-600">Next payment</dt>
                  <dd>{formatDate(gift.currentPeriodEnd)}</dd>
                </>
              ) : null}
            </dl>
            {view.canChange ? (
              <div className="mt-6 grid gap-8">
                {status === "past_due" ? (
                  <Alert tone="warning" title="Your last payment did not go through">
                    Pay it with another payment method below; your gift then carries on as before.
                  </Alert>
                ) : null}
                <section className="grid gap-3">
                  <h3 className="font-semibold">Amount and frequency</h3>
                  <ChangeGiftForm {...ids} requestId={randomUUID()} />
                </section>
                <section className="grid gap-3">
                  <h3 className="font-semibold">Payment method</h3>
                  <PaymentMethodForm token={token} giftId={gift.id} requestId={randomUUID()} stripe={stripe} pastDue={status === "past_due"} />
                </section>
                <section className="grid gap-3">
                  <h3 className="font-semibold">{view.paused ? "Paused" : "Take a break"}</h3>
                  {view.paused ? <ResumeForm {...ids} requestId={randomUUID()} /> : <PauseForm {...ids} requestId={randomUUID()} />}
                </section>
                <section className="grid gap-3">
                  <h3 className="font-semibold">Stop giving</h3>
                  <CancelForm {...ids} requestId={randomUUID()} />
                </section>
              </div>
            ) : (
              <p className="mt-4 text-sm text-slate-700">This gift has ended; nothing more will be charged.</p>
            )}
          </Card>
        );
      })}
    </div>
  );
}

function RefusedLink({ message, expired }: { message: string; expired: boolean }) {
  return (
    <div className="mx-auto grid max-w-xl gap-6">
      <h1 className="text-2xl font-bold">{expired ? "This link has expired" : "This link does not work"}</h1>
      <Alert tone="warning">{message}</Alert>
      <Card title="Get a fresh link" description="We send it to the address your receipts go to, and to no other.">
        <RequestLinkForm />
      </Card>
    </div>
  );
}
