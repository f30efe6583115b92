// POST /api/donations - start a donation: a pending donation and its PaymentIntent on the organisation's account
import { clientAddress } from "@/lib/api/client-address";
import { ApiError, errorResponse, validationError } from "@/lib/api/errors";
import { createDonation, StripeClock } from "@/lib/donations/create-donation";
import { donationRequestSchema, idempotencyKeySchema } from "@/lib/donations/donation-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const started = performance.now();
  const clock = new StripeClock();
  // Amply's own time and the time waiting on Stripe, for monitoring and bench:donations.
  const timing = () => `app;dur=${(performance.now() - started - clock.waitedMs).toFixed(1)}, stripe;dur=${clock.waitedMs.toFixed(1)}`;
  try {
    if (Number(request.headers.get("content-length") ?? 0) > 16_000) throw new ApiError("payload_too_large", "This request is too large.");
    const key = idempotencyKeySchema.safeParse(request.headers.get("idempotency-key") ?? "");
    if (!key.success) throw new ApiError("bad_request", key.error.issues[0]?.message ?? "Send an Idempotency-Key header.");
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      throw new ApiError("bad_request", "The request body must be JSON.");
    }
    const parsed = donationRequestSchema.safeParse(body);
    if (!parsed.success) throw validationError(parsed.error);
    const donation = await createDonation(parsed.data, key.data, { ip: clientAddress(request), clock });
    return Response.json(donation, { status: 201, headers: { "Server-Timing": timing(), "Cache-Control": "no-store" } });
  } catch (error) {
    const response = errorResponse(error, { route: "POST /api/donations" });
    response.headers.set("Server-Timing", timing());
    return response;
  }
}
