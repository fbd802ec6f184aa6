export * from "./users";
export * from "./organizations";
