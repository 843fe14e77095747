import { notFound } from "next/navigation";
import { z } from "zod";
import { AppError } from "@/lib/errors";

/**
 * Loads a record for a page by its id, turning a malformed id (which can
 * name nothing, and would reach Postgres as a uuid cast error) and a
 * not-found AppError into the 404 page.
 */
export async function loadOrNotFound<T>(id: string, load: (id: string) => Promise<T>): Promise<T> {
  if (!z.uuid().safeParse(id).success) notFound();
  try {
    return await load(id);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
