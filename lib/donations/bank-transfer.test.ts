import { describe, expect, it } from "vitest";
import { BANK_TRANSFER_CURRENCIES, bankTransferCurrencies, bankTransferOptions } from "./bank-transfer";

const active = { card_payments: "active", bank_transfer_payments: "active" };

describe("which bank transfers a connected account can receive", () => {
  it("follows the account's country: EUR in the European countries Stripe lists, the domestic currency in GB, JP, MX and US", () => {
    expect(bankTransferCurrencies({ country: "DE", capabilities: active })).toEqual(["EUR"]);
    expect(bankTransferCurrencies({ country: "AT", capabilities: active })).toEqual(["EUR"]);
    expect(bankTransferCurrencies({ country: "PL", capabilities: active })).toEqual(["EUR"]);
    expect(bankTransferCurrencies({ country: "CH", capabilities: active })).toEqual(["EUR"]);
    expect(bankTransferCurrencies({ country: "GB", capabilities: active })).toEqual(["EUR", "GBP"]);
    expect(bankTransferCurrencies({ country: "US", capabilities: active })).toEqual(["USD"]);
    expect(bankTransferCurrencies({ country: "JP", capabilities: active })).toEqual(["JPY"]);
    expect(bankTransferCurrencies({ country: "MX", capabilities: active })).toEqual(["MXN"]);
    expect(bankTransferCurrencies({ country: "us", capabilities: active })).toEqual(["USD"]);
    for (const country of ["AU", "CA", "SG", "BR"]) expect(bankTransferCurrencies({ country, capabilities: active })).toEqual([]);
  });

  it("offers nothing unless Stripe says the bank_transfer_payments capability is active, or before the account was read", () => {
    for (const status of ["inactive", "pending", "unrequested", undefined]) {
      expect(bankTransferCurrencies({ country: "DE", capabilities: { card_payments: "active", bank_transfer_payments: status } })).toEqual([]);
    }
    expect(bankTransferCurrencies({ country: "DE", capabilities: null })).toEqual([]);
    expect(bankTransferCurrencies({ country: null, capabilities: active })).toEqual([]);
  });

  it("builds the PaymentIntent's transfer options for each currency the account receives, and none for the others", () => {
    expect(bankTransferOptions("EUR", { country: "FR", capabilities: active })).toEqual({ type: "eu_bank_transfer", eu_bank_transfer: { country: "FR" } });
    // An Austrian account's donors pay into a German virtual IBAN (Stripe offers BE, DE, ES, FR, IE, NL).
    expect(bankTransferOptions("eur", { country: "AT", capabilities: active })).toEqual({ type: "eu_bank_transfer", eu_bank_transfer: { country: "DE" } });
    expect(bankTransferOptions("GBP", { country: "GB", capabilities: active })).toEqual({ type: "gb_bank_transfer" });
    expect(bankTransferOptions("EUR", { country: "GB", capabilities: active })).toEqual({ type: "eu_bank_transfer", eu_bank_transfer: { country: "DE" } });
    expect(bankTransferOptions("USD", { country: "US", capabilities: active })).toEqual({ type: "us_bank_transfer" });
    expect(bankTransferOptions("JPY", { country: "JP", capabilities: active })).toEqual({ type: "jp_bank_transfer" });
    expect(bankTransferOptions("MXN", { country: "MX", capabilities: active })).toEqual({ type: "mx_bank_transfer" });
    expect(bankTransferOptions("USD", { country: "DE", capabilities: active })).toBeNull();
    expect(bankTransferOptions("EUR", { country: "US", capabilities: active })).toBeNull();
    expect(bankTransferOptions("CHF", { country: "CH", capabilities: active })).toBeNull();
    expect(bankTransferOptions("EUR", { country: "DE", capabilities: { bank_transfer_payments: "inactive" } })).toBeNull();
    expect(BANK_TRANSFER_CURRENCIES).toEqual(["EUR", "GBP", "JPY", "MXN", "USD"]);
  });
});
