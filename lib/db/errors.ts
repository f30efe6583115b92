// Prisma's errors, classified once.
import { Prisma } from "./generated/client.ts";

/** A unique constraint refused the write (Prisma P2002): someone else has that value. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
