// POST /api/donations - start a donation: a pending donation and its PaymentIntent on the organisation's account
import { publicRoute } from "@/lib/api/public-route";
import { createDonation } from "@/lib/donations/create-donation";
import { donationRequestSchema, idempotencyKeySchema } from "@/lib/donations/donation-request";
import { StripeClock } from "@/lib/donations/stripe-clock";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = publicRoute(
  { maxBytes: 16_000, schema: donationRequestSchema, idempotencyKey: idempotencyKeySchema, sameOrigin: true },
  async ({ body, idempotencyKey, clientAddress }) => {
    const started = performance.now();
    const clock = new StripeClock();
    const donation = await createDonation(body, idempotencyKey, { clientAddress, clock });
    // Amply's own time and the time waiting on Stripe, for monitoring and bench:donations.
    const timing = `app;dur=${(performance.now() - started - clock.waitedMs).toFixed(1)}, stripe;dur=${clock.waitedMs.toFixed(1)}`;
    return Response.json(donation, { status: 201, headers: { "Server-Timing": timing, "Cache-Control": "no-store" } });
  },
);
