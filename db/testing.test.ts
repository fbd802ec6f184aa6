import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./testing";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

it("applies the committed migrations to a fresh database", async () => {
  const rows = await t.sql<{ table_name: string }[]>`
    select table_name from information_schema.tables where table_schema = 'public' order by table_name`;
  expect(rows.map((r) => r.table_name)).toEqual(
    expect.arrayContaining(["invitations", "memberships", "organizations", "sign_in_throttles", "users"]),
  );
});
