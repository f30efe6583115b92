// The pages a person sees on "Stripe": Connect's OAuth consent, the 3-D Secure challenge, a bank's
// redirect page and hosted bank-transfer instructions. Each is labelled as the sandbox.
import type { ServerResponse } from "node:http";
import type { Engine } from "./engine";
import { formatMinor } from "./pricing";
import { present, text } from "./store";

export const SANDBOX_LABEL = "Stripe sandbox - no real money";

export function escapeHtml(value: unknown): string {
  return text(value).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}

// The main landmark is named after the page: shown in a frame (the 3-D Secure challenge) it sits
// beside the host page's own main, and two unnamed mains are indistinguishable to a screen reader.
export function page(res: ServerResponse, status: number, title: string, body: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", ...headers });
  res.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · ${SANDBOX_LABEL}</title>
<style>
  body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f1f5f9;color:#0f172a}
  main{max-width:32rem;margin:0 auto;padding:1.5rem}
  .card{background:#fff;border-radius:.75rem;padding:1.5rem;box-shadow:0 1px 3px rgba(0,0,0,.1)}
  .badge{display:inline-block;font-size:.8rem;font-weight:600;color:#92400e;background:#fef3c7;border:1px solid #f59e0b;border-radius:999px;padding:.15rem .7rem}
  h1{font-size:1.35rem;margin:.75rem 0}
  dl{display:grid;grid-template-columns:auto 1fr;gap:.35rem 1rem} dt{color:#475569} dd{margin:0;font-weight:500;word-break:break-all}
  fieldset{border:1px solid #cbd5e1;border-radius:.5rem;margin:1rem 0;padding:.75rem 1rem} legend{font-weight:600}
  label{display:flex;gap:.5rem;align-items:flex-start;margin:.4rem 0}
  .actions{display:flex;gap:.75rem;flex-wrap:wrap;margin-top:1rem}
  button{font:inherit;font-weight:600;border-radius:.5rem;padding:.65rem 1.2rem;border:1px solid #0f766e;cursor:pointer;min-height:2.75rem}
  button.primary{background:#0f766e;color:#fff} button.secondary{background:#fff;color:#0f766e}
  button:focus-visible{outline:3px solid #5eead4;outline-offset:2px}
  .error{color:#b91c1c}
</style></head>
<body><main aria-label="${escapeHtml(title)}"><div class="card"><span class="badge">${SANDBOX_LABEL}</span>${body}</div></main></body></html>`);
}

export function authorizePage(res: ServerResponse, engine: Engine, url: URL) {
  const q = url.searchParams;
  const problems: string[] = [];
  if (q.get("response_type") !== "code") problems.push("response_type must be code.");
  if (q.get("client_id") !== engine.config.clientId) problems.push(`Unknown client_id ${escapeHtml(q.get("client_id"))}.`);
  const redirectUri = q.get("redirect_uri") ?? "";
  if (!engine.config.redirectUris.includes(redirectUri)) {
    problems.push(
      `Invalid redirect_uri ${escapeHtml(redirectUri)}: it must match one registered in the platform's Connect settings (${engine.config.redirectUris.map(escapeHtml).join(", ")}).`,
    );
  }
  if (problems.length) {
    return page(res, 400, "Invalid request", `<h1>This link cannot connect an account</h1><p class="error">${problems.join("<br>")}</p>`);
  }
  const name = q.get("stripe_user[business_name]") ?? "";
  const email = q.get("stripe_user[email]") ?? "";
  const country = q.get("stripe_user[country]") ?? "";
  const hidden = (field: string, value: string) => `<input type="hidden" name="${field}" value="${escapeHtml(value)}">`;
  page(
    res,
    200,
    "Connect your Stripe account",
    `<h1>Connect ${escapeHtml(name || "your organisation")} to Amply</h1>
     <p>Amply is asking to take donations as direct charges on your Stripe account (Standard account, <code>${escapeHtml(q.get("scope") ?? "read_write")}</code>).</p>
     <dl><dt>Organisation</dt><dd>${escapeHtml(name || "(not given)")}</dd><dt>Email</dt><dd>${escapeHtml(email || "(not given)")}</dd><dt>Country</dt><dd>${escapeHtml(country || "(not given)")}</dd></dl>
     <form method="post" action="/oauth/authorize">
       ${hidden("redirect_uri", redirectUri)}${hidden("state", q.get("state") ?? "")}${hidden("business_name", name)}${hidden("email", email)}${hidden("country", country)}
       <fieldset><legend>Sandbox account to create</legend>
         <label><input type="radio" name="readiness" value="ready" checked> Ready to take payments (charges and payouts enabled)</label>
         <label><input type="radio" name="readiness" value="pending"> Still has requirements to complete (charges disabled)</label>
       </fieldset>
       <div class="actions">
         <button class="primary" type="submit" name="decision" value="authorize">Authorize</button>
         <button class="secondary" type="submit" name="decision" value="deny">Deny</button>
       </div>
     </form>`,
  );
}

export function authorizeDecision(res: ServerResponse, engine: Engine, form: URLSearchParams) {
  const redirectUri = form.get("redirect_uri") ?? "";
  if (!engine.config.redirectUris.includes(redirectUri)) return page(res, 400, "Invalid request", `<p class="error">Invalid redirect_uri.</p>`);
  const target = new URL(redirectUri);
  const state = form.get("state");
  if (form.get("decision") === "authorize") {
    const account = engine.createAccount({
      country: form.get("country") || undefined,
      email: form.get("email") || null,
      businessName: form.get("business_name") || null,
      ready: form.get("readiness") !== "pending",
    });
    target.searchParams.set("scope", "read_write");
    target.searchParams.set("code", engine.issueOAuthCode(account.id));
  } else {
    target.searchParams.set("error", "access_denied");
    target.searchParams.set("error_description", "The user denied your request");
  }
  if (state !== null) target.searchParams.set("state", state);
  res.writeHead(302, { Location: target.toString() });
  res.end();
}

function locateIntent(engine: Engine, id: string, clientSecret: string | null) {
  const found = engine.store.locate(id);
  const kind = found?.object.object;
  if (!found || (kind !== "payment_intent" && kind !== "setup_intent") || found.object.client_secret !== clientSecret) return undefined;
  return found;
}

/** The person finished the challenge or the bank page of a PaymentIntent or a SetupIntent. */
function complete(engine: Engine, found: { account: string; object: { object: string } }, id: string, outcome: "succeed" | "fail") {
  return found.object.object === "setup_intent" ? engine.completeSetupAction(found.account, id, outcome) : engine.completeAction(found.account, id, outcome);
}

/** The 3-D Secure challenge, shown inside Stripe.js's modal (an iframe). */
export function challengePage(res: ServerResponse, engine: Engine, id: string, url: URL) {
  const found = locateIntent(engine, id, url.searchParams.get("client_secret"));
  if (!found) return page(res, 404, "Unknown payment", `<p class="error">This authentication link is not valid.</p>`);
  const pi = found.object;
  page(
    res,
    200,
    "3D Secure",
    `<h1>Authenticate this payment</h1>
     <p>${
       pi.object === "setup_intent"
         ? "Your bank asks you to confirm that this card may be charged later."
         : `Your bank asks you to confirm a payment of <strong>${escapeHtml(formatMinor(Number(pi.amount), String(pi.currency)))}</strong>.`
     }</p>
     <form method="post" action="/authenticate/${escapeHtml(id)}">
       <input type="hidden" name="client_secret" value="${escapeHtml(pi.client_secret)}">
       <div class="actions">
         <button class="primary" name="outcome" value="succeed">Complete</button>
         <button class="secondary" name="outcome" value="fail">Fail</button>
       </div>
     </form>`,
  );
}

export function challengeDecision(res: ServerResponse, engine: Engine, id: string, form: URLSearchParams) {
  const found = locateIntent(engine, id, form.get("client_secret"));
  if (!found) return page(res, 404, "Unknown payment", `<p class="error">This authentication link is not valid.</p>`);
  const outcome = form.get("outcome") === "succeed" ? "succeed" : "fail";
  complete(engine, found, id, outcome);
  res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
  res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Done</title></head><body>
    <p>${outcome === "succeed" ? "Authentication complete." : "Authentication failed."} You can close this window.</p>
    <script>parent.postMessage(${JSON.stringify({ type: "stripe-sandbox-3ds", outcome })}, "*");</script></body></html>`);
}

/**
 * A bank's page for redirect methods (iDEAL and friends). Banks refuse to be framed, so a donation
 * form shown in a frame on another site must send the donor here at the top level.
 */
export function redirectPage(res: ServerResponse, engine: Engine, id: string, url: URL) {
  const found = locateIntent(engine, id, url.searchParams.get("client_secret"));
  if (!found) return page(res, 404, "Unknown payment", `<p class="error">This payment link is not valid.</p>`);
  const pi = found.object;
  const pm = engine.store.get(found.account, String(pi.payment_method));
  page(
    res,
    200,
    "Your bank",
    `<h1>${escapeHtml((text(pm?.type) || "bank").toUpperCase())} test payment</h1>
     <p>Authorise or fail this test payment to return to the organisation's site.</p>
     <form method="post" action="/redirect/${escapeHtml(id)}">
       <input type="hidden" name="client_secret" value="${escapeHtml(pi.client_secret)}">
       <div class="actions">
         <button class="primary" name="outcome" value="succeed">Authorize test payment</button>
         <button class="secondary" name="outcome" value="fail">Fail test payment</button>
       </div>
     </form>`,
    { "X-Frame-Options": "DENY", "Content-Security-Policy": "frame-ancestors 'none'" },
  );
}

export function redirectDecision(res: ServerResponse, engine: Engine, id: string, form: URLSearchParams) {
  const found = locateIntent(engine, id, form.get("client_secret"));
  if (!found) return page(res, 404, "Unknown payment", `<p class="error">This payment link is not valid.</p>`);
  const returnUrl = text(found.object._return_url);
  const pi = complete(engine, found, id, form.get("outcome") === "succeed" ? "succeed" : "fail");
  const target = new URL(returnUrl);
  const kind = String(found.object.object);
  target.searchParams.set(kind, id);
  target.searchParams.set(`${kind}_client_secret`, String(pi.client_secret));
  target.searchParams.set("redirect_status", pi.status === "succeeded" ? "succeeded" : "failed");
  res.writeHead(302, { Location: target.toString() });
  res.end();
}

export function bankTransferPage(res: ServerResponse, engine: Engine, id: string) {
  const found = engine.store.locate(id);
  const action = (found?.object.next_action as { display_bank_transfer_instructions?: Record<string, unknown> } | null)?.display_bank_transfer_instructions;
  if (!found || !action) return page(res, 404, "Unknown payment", `<p class="error">No bank transfer is awaited for this payment.</p>`);
  page(res, 200, "Bank transfer instructions", `<h1>Bank transfer instructions</h1><pre>${escapeHtml(JSON.stringify(present(action), null, 2))}</pre>`);
}

/** A connected account's own "Stripe Dashboard": where its owner finishes onboarding. */
export function accountDashboardPage(res: ServerResponse, engine: Engine, id: string) {
  const account = engine.account(id);
  if (!account) return page(res, 404, "Unknown account", `<p class="error">No connected account ${escapeHtml(id)}.</p>`);
  const due = (account.requirements as { currently_due: string[] }).currently_due;
  const back = engine.config.redirectUris[0] ? new URL(engine.config.redirectUris[0]).origin : null;
  page(
    res,
    200,
    "Your Stripe account",
    `<h1>${escapeHtml((account.business_profile as { name: string | null }).name ?? id)}</h1>
     <dl><dt>Account</dt><dd>${escapeHtml(id)}</dd><dt>Charges</dt><dd>${account.charges_enabled ? "enabled" : "disabled"}</dd><dt>Payouts</dt><dd>${account.payouts_enabled ? "enabled" : "disabled"}</dd></dl>
     ${
       due.length
         ? `<p>Stripe still needs:</p><ul>${due.map((d) => `<li><code>${escapeHtml(d)}</code></li>`).join("")}</ul>
            <form method="post" action="/dashboard/${escapeHtml(id)}"><div class="actions"><button class="primary">Complete requirements</button></div></form>`
         : "<p>Nothing is due: this account can take payments.</p>"
     }
     ${back ? `<p><a href="${escapeHtml(back)}/dashboard">Back to Amply</a></p>` : ""}`,
  );
}

export function accountDashboardDecision(res: ServerResponse, engine: Engine, id: string) {
  if (!engine.account(id)) return page(res, 404, "Unknown account", `<p class="error">No connected account ${escapeHtml(id)}.</p>`);
  engine.updateAccount(id, { charges_enabled: true, payouts_enabled: true, details_submitted: true, currently_due: [] });
  res.writeHead(303, { Location: `/dashboard/${id}` });
  res.end();
}
