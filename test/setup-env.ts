import { generateKeyRingEntry } from "~/server/crypto/secrets";

// Every test process encrypts with a throwaway key of its own, never a developer's.
process.env.ENCRYPTION_KEYS ??= generateKeyRingEntry("test");
