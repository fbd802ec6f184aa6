"use client";

import { api } from "~/app/_trpc/react";
import type { CreateFn } from "./model";

/** Creation on Amazon for the forms: the tRPC mutation, and every advertising list read again afterwards. */
export function useCreate(adProfileId: string): { create: CreateFn; pending: boolean; refresh: () => Promise<void> } {
  const utils = api.useUtils();
  const mutation = api.advertising.createEntities.useMutation();
  return {
    create: (kind, items) => mutation.mutateAsync({ adProfileId, kind, items }),
    pending: mutation.isPending,
    refresh: () => utils.advertising.invalidate(),
  };
}
