"use server";
// What a donor does on the manage page. Each action checks the link against the gift before
// anything else; Stripe is changed first and Amply's rows follow from its webhook, so the answer
// says the change will show in a moment.

import { publicAction } from "@/lib/auth/public-action";
import { authorizeManagedGift } from "@/lib/recurring/authorize-managed-gift";
import { cancelRecurringGift } from "@/lib/recurring/cancel-recurring-gift";
import { changeRecurringGift } from "@/lib/recurring/change-recurring-gift";
import { finishPaymentMethodUpdate } from "@/lib/recurring/finish-payment-method-update";
import { cancelGiftSchema, changeGiftSchema, finishPaymentMethodSchema, pauseGiftSchema, plainGiftSchema } from "@/lib/recurring/manage-schemas";
import { pauseRecurringGift } from "@/lib/recurring/pause-recurring-gift";
import { resumeRecurringGift } from "@/lib/recurring/resume-recurring-gift";
import { startPaymentMethodUpdate } from "@/lib/recurring/start-payment-method-update";

const SAVED = "Saved. It will show here in a moment; we have emailed you a confirmation.";

export const changeGiftAction = publicAction(changeGiftSchema, async (input) => {
  const gift = await authorizeManagedGift(input.token, input.giftId);
  await changeRecurringGift(gift, input);
  return { ok: true, message: SAVED };
});

export const pauseGiftAction = publicAction(pauseGiftSchema, async (input) => {
  const gift = await authorizeManagedGift(input.token, input.giftId);
  await pauseRecurringGift(gift, input);
  return { ok: true, message: SAVED };
});

export const resumeGiftAction = publicAction(plainGiftSchema, async (input) => {
  const gift = await authorizeManagedGift(input.token, input.giftId);
  await resumeRecurringGift(gift, input);
  return { ok: true, message: SAVED };
});

export const cancelGiftAction = publicAction(cancelGiftSchema, async (input) => {
  const gift = await authorizeManagedGift(input.token, input.giftId);
  await cancelRecurringGift(gift, input);
  return { ok: true, message: "Cancelled. Nothing more will be charged; we have emailed you a confirmation." };
});

export const startPaymentMethodAction = publicAction(plainGiftSchema, async (input) => {
  const gift = await authorizeManagedGift(input.token, input.giftId);
  const step = await startPaymentMethodUpdate(gift, input);
  return { ok: true, data: { ...step } };
});

export const finishPaymentMethodAction = publicAction(finishPaymentMethodSchema, async (input) => {
  const gift = await authorizeManagedGift(input.token, input.giftId);
  await finishPaymentMethodUpdate(gift, input);
  return { ok: true, message: SAVED };
});
