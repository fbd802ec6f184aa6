export * from "./users";
export * from "./organizations";
export * from "./executor";
export * from "./amazon";
export * from "./sync";
export * from "./advertising";
export * from "./orders";
export * from "./products";
