// The sandbox console's page: what the sandbox holds (accounts, payments with their charges, bank
// transfers waiting for money, subscriptions, events) and a form for each thing a bank, a
// cardholder or Stripe itself could do next. Plain HTML: every action is a POST form with a
// button, every table has a caption and header cells, and below 48rem each row becomes a card.
import { createHash } from "node:crypto";
import type { Engine } from "../engine";
import type { Charge, Obj, PaymentIntent, Subscription } from "../engine/objects";
import { escapeHtml, SANDBOX_LABEL } from "../pages";
import { decimalsOf, formatMinor } from "../pricing";
import { text } from "../store";

/** How many of the newest payments and events the page lists. */
export const LISTED = 50;

export type Flash = { kind: "success" | "error"; message: string };

const CSS = `
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f1f5f9;color:#0f172a;line-height:1.45}
header,main{max-width:80rem;margin:0 auto;padding:1rem}
.badge{display:inline-block;font-size:.8rem;font-weight:600;color:#92400e;background:#fef3c7;border:1px solid #b45309;border-radius:999px;padding:.15rem .7rem}
h1{font-size:1.5rem;margin:.5rem 0} h2{font-size:1.2rem;margin:2rem 0 .5rem}
nav ul{list-style:none;padding:0;margin:.5rem 0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
a{color:#0f5f59} a:focus-visible,button:focus-visible,input:focus-visible,.flash:focus-visible{outline:3px solid #0f766e;outline-offset:2px}
code{font-size:.85em;overflow-wrap:anywhere}
.flash{border-radius:.5rem;padding:.75rem 1rem;margin:.5rem 0 1rem;border:1px solid}
.flash.success{background:#ecfdf5;border-color:#047857;color:#064e3b} .flash.error{background:#fef2f2;border-color:#b91c1c;color:#7f1d1d}
.flash p{margin:0}
table{width:100%;border-collapse:collapse;background:#fff;border-radius:.5rem;box-shadow:0 1px 2px rgba(0,0,0,.08)}
caption{text-align:left;font-weight:600;padding:.5rem 0;color:#334155}
th,td{text-align:left;vertical-align:top;padding:.5rem .6rem;border-bottom:1px solid #e2e8f0}
thead th{font-size:.85rem;color:#475569;background:#f8fafc}
td ul{margin:0;padding-left:1rem}
form{display:flex;flex-wrap:wrap;gap:.35rem;align-items:flex-end;margin:0 0 .4rem}
label{display:flex;flex-direction:column;font-size:.8rem;color:#334155}
input{font:inherit;width:7rem;padding:.35rem .45rem;border:1px solid #64748b;border-radius:.35rem;min-height:2.5rem}
button{font:inherit;font-weight:600;border-radius:.4rem;padding:.4rem .8rem;border:1px solid #0f766e;background:#0f766e;color:#fff;cursor:pointer;min-height:2.5rem}
button.secondary{background:#fff;color:#0f5f59} button.danger{background:#fff;color:#b91c1c;border-color:#b91c1c}
.empty{color:#475569}
.visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
@media (max-width:48rem){
  thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
  table,tbody,tr,th,td{display:block;width:100%}
  table{background:none;box-shadow:none}
  tbody tr{background:#fff;border-radius:.5rem;margin:0 0 .75rem;box-shadow:0 1px 2px rgba(0,0,0,.08)}
  td[data-label]::before{content:attr(data-label);display:block;font-size:.8rem;color:#475569}
}
`;

/** The page's only style, allowed by hash in its Content-Security-Policy. */
export const STYLE_HASH = `sha256-${createHash("sha256").update(CSS).digest("base64")}`;

const money = (amount: unknown, currency: unknown) => escapeHtml(formatMinor(Number(amount), text(currency)));
const code = (value: unknown) => `<code>${escapeHtml(value)}</code>`;

/** A POST form with one button; `hidden` fields carry the choice (e.g. an outcome). */
function button(action: string, label: string, context: string, hidden: Record<string, string> = {}, style = "") {
  const fields = Object.entries(hidden)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("");
  return `<form method="post" action="${escapeHtml(action)}">${fields}<button${style ? ` class="${style}"` : ""}>${escapeHtml(label)}<span class="visually-hidden"> ${escapeHtml(context)}</span></button></form>`;
}

/** A POST form with an amount field in major units and a button. */
function amountForm(action: string, id: string, field: string, currency: string, required: boolean, label: string) {
  const inputId = `${field}-${id}`;
  const step = decimalsOf(currency) ? `0.${"0".repeat(decimalsOf(currency) - 1)}1` : "1";
  return `<form method="post" action="${escapeHtml(action)}"><label for="${escapeHtml(inputId)}">${escapeHtml(field === "refund" ? `Amount (${currency.toUpperCase()}), blank for all` : `Amount (${currency.toUpperCase()})`)}<input id="${escapeHtml(inputId)}" name="amount" type="number" min="${step}" step="${step}" inputmode="decimal"${required ? " required" : ""}></label><button class="secondary">${escapeHtml(label)}<span class="visually-hidden"> ${escapeHtml(id)}</span></button></form>`;
}

function table(id: string, caption: string, headings: string[], rows: string[], empty: string) {
  if (!rows.length) return `<p class="empty" id="${id}-empty">${escapeHtml(empty)}</p>`;
  return `<table id="${id}-table"><caption>${escapeHtml(caption)}</caption><thead><tr>${headings.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join("")}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

const cell = (label: string, html: string) => `<td data-label="${escapeHtml(label)}">${html}</td>`;

function byNewest<T extends { object: Obj }>(items: T[]) {
  return items.sort((a, b) => b.object.created - a.object.created);
}

/** A customer_balance PaymentIntent that waits for a bank transfer. */
export function awaitingTransfer(pi: Obj): boolean {
  return pi.status === "requires_action" && (pi.next_action as { type?: string } | null)?.type === "display_bank_transfer_instructions";
}

function accountsSection(engine: Engine) {
  const accounts = byNewest(engine.store.everywhere("account").filter(({ object }) => object._connected));
  const rows = accounts.map(({ object: account }) => {
    const payouts = byNewest(engine.store.all(account.id, "payout").map((object) => ({ object })));
    const latest = payouts[0]?.object;
    return `<tr id="${escapeHtml(account.id)}"><th scope="row">${code(account.id)}</th>${cell("Name", escapeHtml((account.business_profile as { name: string | null }).name ?? "(no name)"))}${cell(
      "Country and currency",
      `${escapeHtml(account.country)}, ${escapeHtml(text(account.default_currency).toUpperCase())}`,
    )}${cell("Charges", account.charges_enabled ? "enabled" : "disabled (requirements due)")}${cell(
      "Latest payout",
      latest ? `${code(latest.id)} ${money(latest.amount, latest.currency)}, ${escapeHtml(latest.status)}` : "none",
    )}${cell("Actions", button(`/console/accounts/${account.id}/payout`, "Pay out", `the balance of ${account.id}`))}</tr>`;
  });
  return `<section aria-labelledby="accounts-heading"><h2 id="accounts-heading">Accounts</h2>${table(
    "accounts",
    "Connected accounts and their latest payout",
    ["Account", "Name", "Country and currency", "Charges", "Latest payout", "Actions"],
    rows,
    "No connected account yet. Connect one from Amply's dashboard.",
  )}</section>`;
}

const OPEN_DISPUTE = new Set(["needs_response", "under_review"]);

function chargeCell(engine: Engine, account: string, charge: Charge) {
  const refunds = engine.store.all(account, "refund").filter((refund) => refund.charge === charge.id);
  const disputes = engine.store.all(account, "dispute").filter((dispute) => dispute.charge === charge.id);
  const facts = [
    `${code(charge.id)} ${escapeHtml(charge.status)}`,
    ...(charge.amount_refunded ? [`refunded ${money(charge.amount_refunded, charge.currency)}`] : []),
    ...refunds.map((refund) => `refund ${code(refund.id)} ${money(refund.amount, refund.currency)}, ${escapeHtml(refund.status)}`),
    ...disputes.map((dispute) => `dispute ${code(dispute.id)}, ${escapeHtml(dispute.status)}`),
  ];
  return `<ul>${facts.map((fact) => `<li>${fact}</li>`).join("")}</ul>`;
}

function chargeActions(engine: Engine, account: string, charge: Charge) {
  const disputes = engine.store.all(account, "dispute").filter((dispute) => dispute.charge === charge.id);
  const open = disputes.find((dispute) => OPEN_DISPUTE.has(text(dispute.status)));
  if (open) {
    return (
      button(`/console/disputes/${open.id}/close`, "Win dispute", open.id, { outcome: "won" }) +
      button(`/console/disputes/${open.id}/close`, "Lose dispute", open.id, { outcome: "lost" }, "danger")
    );
  }
  if (charge.status !== "succeeded") return "";
  const forms: string[] = [];
  if (!charge.refunded && !disputes.length)
    forms.push(amountForm(`/console/charges/${charge.id}/refund`, charge.id, "refund", charge.currency, false, "Refund"));
  if (!charge.disputed) forms.push(button(`/console/charges/${charge.id}/dispute`, "Dispute", charge.id, {}, "danger"));
  return forms.join("");
}

function paymentsSection(engine: Engine) {
  const all = byNewest(engine.store.everywhere<PaymentIntent>("payment_intent").filter(({ object }) => !awaitingTransfer(object)));
  const rows = all.slice(0, LISTED).map(({ account, object: pi }) => {
    const pm = pi.payment_method ? engine.store.get(account, text(pi.payment_method), "payment_method") : undefined;
    const method = text(pm?.type) || (pi.payment_method_types as string[] | undefined)?.join(", ") || "none yet";
    const charges = engine.store
      .all<Charge>(account, "charge")
      .filter((charge) => charge.payment_intent === pi.id)
      .sort((a, b) => a.created - b.created);
    const actions =
      pi.status === "processing"
        ? button(`/console/payment_intents/${pi.id}/settle`, "Settle debit", pi.id, { outcome: "succeeded" }) +
          button(`/console/payment_intents/${pi.id}/settle`, "Fail debit", pi.id, { outcome: "failed" }, "danger")
        : charges.map((charge) => chargeActions(engine, account, charge)).join("");
    return `<tr id="${escapeHtml(pi.id)}"><th scope="row">${code(pi.id)}${pi.description ? `<br>${escapeHtml(pi.description)}` : ""}</th>${cell("Account", code(account))}${cell(
      "Amount",
      money(pi.amount, pi.currency),
    )}${cell("Method", escapeHtml(method))}${cell("Status", escapeHtml(pi.status))}${cell(
      "Charges",
      charges.length ? charges.map((charge) => chargeCell(engine, account, charge)).join("") : "none",
    )}${cell("Actions", actions || "none")}</tr>`;
  });
  const more = all.length > LISTED ? `<p>The ${LISTED} newest of ${all.length} payments.</p>` : "";
  return `<section aria-labelledby="payments-heading"><h2 id="payments-heading">Payments</h2>${table(
    "payments",
    "PaymentIntents with their charges, newest first",
    ["Payment", "Account", "Amount", "Method", "Status", "Charges", "Actions"],
    rows,
    "No payment yet.",
  )}${more}</section>`;
}

function transfersSection(engine: Engine) {
  const waiting = byNewest(engine.store.everywhere<PaymentIntent>("payment_intent").filter(({ object }) => awaitingTransfer(object)));
  const rows = waiting.map(({ account, object: pi }) => {
    const instructions = (pi.next_action as { display_bank_transfer_instructions: { amount_remaining: number; reference: string } })
      .display_bank_transfer_instructions;
    return `<tr id="${escapeHtml(pi.id)}"><th scope="row">${code(pi.id)}${pi.description ? `<br>${escapeHtml(pi.description)}` : ""}</th>${cell("Account", code(account))}${cell(
      "Reference",
      code(instructions.reference),
    )}${cell("Amount", money(pi.amount, pi.currency))}${cell("Still to come", money(instructions.amount_remaining, pi.currency))}${cell(
      "Actions",
      button(`/console/payment_intents/${pi.id}/fund`, "Fund in full", pi.id) +
        amountForm(`/console/payment_intents/${pi.id}/fund`, pi.id, "fund", pi.currency, true, "Fund part"),
    )}</tr>`;
  });
  return `<section aria-labelledby="transfers-heading"><h2 id="transfers-heading">Bank transfers</h2>${table(
    "transfers",
    "Bank transfers waiting for the donor's money",
    ["Payment", "Account", "Reference", "Amount", "Still to come", "Actions"],
    rows,
    "No bank transfer is waiting for money.",
  )}</section>`;
}

/** A failed renewal's next attempt, now, as its retry schedule would run it later. */
function retryButton(engine: Engine, account: string, subscription: Subscription) {
  const invoice = subscription.latest_invoice ? engine.store.get(account, String(subscription.latest_invoice), "invoice") : undefined;
  if (invoice?.status !== "open" || typeof invoice.next_payment_attempt !== "number") return "";
  return button(`/console/invoices/${String(invoice.id)}/retry`, "Retry the failed payment", subscription.id, {});
}

function subscriptionsSection(engine: Engine) {
  const subscriptions = byNewest(engine.store.everywhere<Subscription>("subscription"));
  const rows = subscriptions.map(({ account, object: subscription }) => {
    const item = subscription.items.data[0];
    const price = item?.price as { unit_amount: number; currency: string; recurring: { interval: string } } | undefined;
    const renews = subscription.status === "active" || subscription.status === "past_due";
    return `<tr id="${escapeHtml(subscription.id)}"><th scope="row">${code(subscription.id)}</th>${cell("Account", code(account))}${cell(
      "Customer",
      code(subscription.customer),
    )}${cell("Amount", price ? `${money(price.unit_amount, price.currency)} per ${escapeHtml(price.recurring.interval)}` : "")}${cell(
      "Status",
      escapeHtml(subscription.status),
    )}${cell(
      "Actions",
      renews
        ? button(`/console/subscriptions/${subscription.id}/advance`, "Renew, paid", subscription.id, { outcome: "paid" }) +
            button(`/console/subscriptions/${subscription.id}/advance`, "Renew, payment fails", subscription.id, { outcome: "failed" }, "danger") +
            retryButton(engine, account, subscription)
        : "none",
    )}</tr>`;
  });
  return `<section aria-labelledby="subscriptions-heading"><h2 id="subscriptions-heading">Subscriptions</h2>${table(
    "subscriptions",
    "Subscriptions (recurring donations)",
    ["Subscription", "Account", "Customer", "Amount", "Status", "Actions"],
    rows,
    "No subscription yet.",
  )}</section>`;
}

function eventsSection(engine: Engine) {
  const records = engine.webhooks.list().reverse();
  const rows = records.slice(0, LISTED).map(({ event, attempts, delivered, lost }) => {
    const last = attempts.at(-1);
    const delivery = lost
      ? "lost (never delivered)"
      : delivered
        ? `delivered (${attempts.length} ${attempts.length === 1 ? "attempt" : "attempts"})`
        : last
          ? `failing: ${last.status ?? escapeHtml(last.error ?? "no answer")} after ${attempts.length} ${attempts.length === 1 ? "attempt" : "attempts"}`
          : "waiting";
    return `<tr id="${escapeHtml(event.id)}"><th scope="row">${code(event.id)}</th>${cell("Type", code(event.type))}${cell("Account", event.account ? code(event.account) : "platform")}${cell(
      "Object",
      code(event.data.object.id),
    )}${cell("Delivery", delivery)}${cell("Actions", button(`/console/events/${event.id}/redeliver`, "Redeliver", event.id, {}, "secondary"))}</tr>`;
  });
  const more = records.length > LISTED ? `<p>The ${LISTED} newest of ${records.length} events.</p>` : "";
  return `<section aria-labelledby="events-heading"><h2 id="events-heading">Events</h2><p>Webhooks go to ${code(engine.webhooks.endpointUrl ?? "(no endpoint configured)")}.</p>${table(
    "events",
    "Events, newest first",
    ["Event", "Type", "Account", "Object", "Delivery", "Actions"],
    rows,
    "No event yet.",
  )}${more}</section>`;
}

export function consolePage(engine: Engine, flash: Flash | undefined): string {
  const flashHtml = flash
    ? `<div id="flash" class="flash ${flash.kind}" role="${flash.kind === "error" ? "alert" : "status"}" tabindex="-1" autofocus><p>${escapeHtml(flash.message)}</p></div>`
    : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sandbox console · ${SANDBOX_LABEL}</title><style>${CSS}</style></head>
<body><header><span class="badge">${SANDBOX_LABEL}</span><h1>Sandbox console</h1>
<p>Do here what a bank, a cardholder or Stripe would do: settle a SEPA debit, fund a bank transfer, refund, dispute, pay out, send an event again. Amply hears of each change through its webhook, as it would from Stripe.</p>
<nav aria-label="Sections"><ul><li><a href="#accounts-heading">Accounts</a></li><li><a href="#payments-heading">Payments</a></li><li><a href="#transfers-heading">Bank transfers</a></li><li><a href="#subscriptions-heading">Subscriptions</a></li><li><a href="#events-heading">Events</a></li></ul></nav></header>
<main aria-label="Sandbox console">${flashHtml}${accountsSection(engine)}${paymentsSection(engine)}${transfersSection(engine)}${subscriptionsSection(engine)}${eventsSection(engine)}</main></body></html>`;
}
