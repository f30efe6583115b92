// Mandates: the customer's permission to debit a SEPA account again. A SEPA Direct Debit set up or
// paid with `setup_future_usage` gets one; an iDEAL payment (or setup) for future use produces a new
// `sepa_debit` PaymentMethod with its mandate (`generated_sepa_debit`), which later installments debit.
import type { Engine } from "../engine";
import { newId, now, present } from "../store";
import { eventAccount, type Obj } from "./objects";

export function createMandate(engine: Engine, accountId: string, pm: Obj): Obj {
  const mandate: Obj = {
    id: newId("mandate", 24),
    object: "mandate",
    created: now(),
    customer_acceptance: { accepted_at: now(), type: "online", online: { ip_address: "127.0.0.1", user_agent: "Stripe sandbox" } },
    livemode: false,
    multi_use: {},
    payment_method: pm.id,
    payment_method_details: {
      type: "sepa_debit",
      sepa_debit: { reference: newId("x", 16).slice(2).toUpperCase(), url: `${engine.config.baseUrl}/mandates/${pm.id}` },
    },
    status: "active",
    type: "multi_use",
  };
  return engine.store.put(accountId, mandate);
}

/** The SEPA Direct Debit PaymentMethod (and mandate) an iDEAL payment for future use leaves behind, attached to the customer. */
export function generateSepaDebit(
  engine: Engine,
  accountId: string,
  ideal: Obj,
  customer: string,
  from: { charge?: string; setupAttempt?: string } = {},
): { pm: Obj; mandate: Obj } {
  const iban = "NL39RABO0300065264";
  const pm: Obj = {
    id: newId("pm", 24),
    object: "payment_method",
    created: now(),
    type: "sepa_debit",
    customer,
    livemode: false,
    metadata: {},
    billing_details: ideal.billing_details,
    sepa_debit: {
      bank_code: "RABO",
      branch_code: "",
      country: "NL",
      last4: iban.slice(-4),
      fingerprint: newId("fp", 12).slice(3),
      generated_from: { charge: from.charge ?? null, setup_attempt: from.setupAttempt ?? null },
    },
    _iban: iban,
  };
  engine.store.put(accountId, pm);
  const mandate = createMandate(engine, accountId, pm);
  engine.webhooks.emit("payment_method.attached", present(pm), eventAccount(accountId));
  return { pm, mandate };
}

/** What an iDEAL charge or setup attempt shows about the bank account it came from. */
export function idealDetails(generated?: { pm: Obj; mandate: Obj }) {
  return {
    bank: "rabobank",
    bic: "RABONL2U",
    generated_sepa_debit: generated ? generated.pm.id : null,
    generated_sepa_debit_mandate: generated ? generated.mandate.id : null,
    iban_last4: "5264",
    verified_name: "Jenny Rosen",
  };
}
