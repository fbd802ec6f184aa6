export * from "./users";
export * from "./organizations";
export * from "./executor";
export * from "./amazon";
