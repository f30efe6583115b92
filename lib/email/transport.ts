import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";

export type EmailAttachment = { filename: string; contentType: string; content: Buffer<ArrayBuffer> };
export type OutgoingEmail = {
  id: string;
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  attachments?: EmailAttachment[];
};
export type SendResult = { transport: "smtp" | "mailbox" };

let transporter: Transporter | undefined;

/**
 * Send one message. With EMAIL_SERVER it goes over SMTP (nodemailer: pooled connections, TLS,
 * auth from the URL). Without it, in development and under the browser tests only, a copy goes
 * to the development mailbox (/dev/mailbox) instead, attachments included.
 */
export async function sendEmail(message: OutgoingEmail): Promise<SendResult> {
  const env = getEnv();
  const attachments = message.attachments ?? [];
  if (!env.EMAIL_SERVER) {
    if (!env.devMailbox) throw new Error("EMAIL_SERVER is not configured and the development mailbox is off.");
    await db.mailboxMessage.upsert({
      where: { emailId: message.id },
      create: {
        emailId: message.id,
        kind: message.kind,
        to: message.to,
        subject: message.subject,
        text: message.text,
        attachments: { create: attachments.map(({ filename, contentType, content }) => ({ filename, contentType, content })) },
      },
      update: {},
    });
    return { transport: "mailbox" };
  }
  transporter ??= nodemailer.createTransport(env.EMAIL_SERVER, { from: env.EMAIL_FROM });
  await transporter.sendMail({
    to: message.to,
    subject: message.subject,
    text: message.text,
    ...(message.html ? { html: message.html } : {}),
    ...(attachments.length ? { attachments: attachments.map(({ filename, contentType, content }) => ({ filename, contentType, content })) } : {}),
  });
  return { transport: "smtp" };
}
