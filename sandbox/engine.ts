// What happens inside "Stripe": accounts, payments, charges and the balance transactions they
// book, refunds, disputes, payouts, subscriptions and bank transfers, each emitting the events
// real Stripe would. The HTTP layer (api.ts), the control API (control.ts) and the pages (pages.ts)
// all drive one Engine.
//
// The Engine holds the state: stored objects, webhook deliveries, exchange rates and per-account
// pricing. The operations live in engine/, one file per resource, as plain functions that take the
// engine first; those the callers need are bound below as methods, so callers hold one object and
// each resource reads top to bottom in its own file. (Functions rather than mixins or one class per
// resource: resources call each other freely, e.g. a payment's success updates its invoice, and a
// function call says exactly which code runs.)
import { Fx, type Pricing } from "./pricing";
import { Store } from "./store";
import { Webhooks, type WebhookConfig } from "./webhooks";
import { createAccount, deauthorize, exchangeOAuthCode, issueOAuthCode, updateAccount } from "./engine/accounts";
import { setPricing } from "./engine/balance";
import { completeCapture, completePendingCaptures, stopCaptures, type CaptureSettings } from "./engine/captures";
import { settleProcessing } from "./engine/charges";
import { createCustomer, fundCashBalance, fundingInstructions } from "./engine/customers";
import { closeDispute, openDispute, updateDispute } from "./engine/disputes";
import { invoicePayments, payInvoice, publicInvoice, retryInvoice } from "./engine/invoices";
import type { Account } from "./engine/objects";
import {
  cancelPaymentIntent,
  completeAction,
  confirmPaymentIntent,
  createPaymentIntent,
  getPaymentIntent,
  updatePaymentIntent,
} from "./engine/payment-intents";
import { attachPaymentMethod, createPaymentMethod } from "./engine/payment-methods";
import { advancePayout, failPayout, payOut } from "./engine/payouts";
import { createPrice, createProduct } from "./engine/products";
import { cancelSetupIntent, completeSetupAction, confirmSetupIntent, createSetupIntent, getSetupIntent } from "./engine/setup-intents";
import { cancelRefund, createRefund, failRefund, settleRefund } from "./engine/refunds";
import { advanceSubscription, cancelSubscription, createSubscription, getSubscription, updateSubscription } from "./engine/subscriptions";
import { advanceTestClock, createTestClock, deleteTestClock, getTestClock } from "./engine/test-clocks";

export type SandboxConfig = {
  secretKey: string;
  publishableKey: string;
  clientId: string;
  /** Where the OAuth authorize page may send people back (exact match, as Stripe). */
  redirectUris: string[];
  /** This sandbox's own base URL, for pages it links to (3-D Secure, bank redirects). */
  baseUrl: string;
  webhooks: WebhookConfig;
  eurRates?: Record<string, string>;
  stateFile?: string;
  /** How long each API request takes to execute (0: answered at once). */
  latencyMs?: number;
  /** How long after a payment succeeds its balance transaction is booked (default 300 ms). */
  captureDelayMs?: number;
};

/** An operation of engine/ as a method of `engine`. */
function bound<A extends unknown[], R>(engine: Engine, operation: (engine: Engine, ...args: A) => R): (...args: A) => R {
  return (...args) => operation(engine, ...args);
}

export class Engine {
  readonly store: Store;
  readonly webhooks: Webhooks;
  fx: Fx;
  /** Pricing set through the control API, by account; others pay their currency's default. */
  readonly pricing = new Map<string, Pricing>();
  /** Capture delay or hold set through the control API, by account; others use the config's delay. */
  readonly captureSettings = new Map<string, CaptureSettings>();
  /** Pending captures' timers, by charge id. */
  readonly captureTimers = new Map<string, NodeJS.Timeout>();

  constructor(readonly config: SandboxConfig) {
    this.store = new Store(config.stateFile);
    this.webhooks = new Webhooks(config.webhooks, this.store);
    this.fx = new Fx(config.eurRates);
    completePendingCaptures(this);
  }

  /** The connected account, if it exists and is still connected to the platform. */
  account(id: string): Account | undefined {
    const account = this.store.get<Account>(id, id, "account");
    return account && account._connected ? account : undefined;
  }

  // Accounts and Connect OAuth
  readonly createAccount = bound(this, createAccount);
  readonly updateAccount = bound(this, updateAccount);
  readonly issueOAuthCode = bound(this, issueOAuthCode);
  readonly exchangeOAuthCode = bound(this, exchangeOAuthCode);
  readonly deauthorize = bound(this, deauthorize);
  readonly setPricing = bound(this, setPricing);

  // Customers, payment methods, products and prices
  readonly createCustomer = bound(this, createCustomer);
  readonly createPaymentMethod = bound(this, createPaymentMethod);
  readonly attachPaymentMethod = bound(this, attachPaymentMethod);
  readonly createProduct = bound(this, createProduct);
  readonly createPrice = bound(this, createPrice);

  // PaymentIntents
  readonly createPaymentIntent = bound(this, createPaymentIntent);
  readonly intent = bound(this, getPaymentIntent);
  readonly updatePaymentIntent = bound(this, updatePaymentIntent);
  readonly cancelPaymentIntent = bound(this, cancelPaymentIntent);
  readonly confirmPaymentIntent = bound(this, confirmPaymentIntent);
  readonly completeAction = bound(this, completeAction);
  readonly settleProcessing = bound(this, settleProcessing);
  readonly completeCapture = bound(this, completeCapture);
  readonly stopCaptures = bound(this, stopCaptures);

  // SetupIntents
  readonly createSetupIntent = bound(this, createSetupIntent);
  readonly setupIntent = bound(this, getSetupIntent);
  readonly confirmSetupIntent = bound(this, confirmSetupIntent);
  readonly completeSetupAction = bound(this, completeSetupAction);
  readonly cancelSetupIntent = bound(this, cancelSetupIntent);

  // Bank transfers (customer_balance)
  readonly fundingInstructions = bound(this, fundingInstructions);
  readonly fundCashBalance = bound(this, fundCashBalance);

  // Refunds, disputes, payouts
  readonly createRefund = bound(this, createRefund);
  readonly failRefund = bound(this, failRefund);
  readonly settleRefund = bound(this, settleRefund);
  readonly cancelRefund = bound(this, cancelRefund);
  readonly openDispute = bound(this, openDispute);
  readonly updateDispute = bound(this, updateDispute);
  readonly closeDispute = bound(this, closeDispute);
  readonly payout = bound(this, payOut);
  readonly advancePayout = bound(this, advancePayout);
  readonly failPayout = bound(this, failPayout);

  // Subscriptions and invoices
  readonly createSubscription = bound(this, createSubscription);
  readonly subscription = bound(this, getSubscription);
  readonly updateSubscription = bound(this, updateSubscription);
  readonly cancelSubscription = bound(this, cancelSubscription);
  readonly advanceSubscription = bound(this, advanceSubscription);
  readonly publicInvoice = bound(this, publicInvoice);
  readonly payInvoice = bound(this, payInvoice);
  readonly retryInvoice = bound(this, retryInvoice);
  readonly invoicePayments = bound(this, invoicePayments);

  // Test clocks
  readonly createTestClock = bound(this, createTestClock);
  readonly testClock = bound(this, getTestClock);
  readonly advanceTestClock = bound(this, advanceTestClock);
  readonly deleteTestClock = bound(this, deleteTestClock);
}
