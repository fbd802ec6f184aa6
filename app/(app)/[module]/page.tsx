import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ModuleEmptyPage } from "~/app/_components/module-page";
import { MODULES } from "~/app/_components/modules";

// Modules whose sync is not built yet share this page; a module that gets its own folder replaces it.
const find = (slug: string) => MODULES.find((m) => m.href === `/${slug}`);

export async function generateMetadata({ params }: { params: Promise<{ module: string }> }): Promise<Metadata> {
  return { title: find((await params).module)?.label ?? "Not found" };
}

export default async function ModulePage({ params }: { params: Promise<{ module: string }> }) {
  const info = find((await params).module);
  if (!info) notFound();
  return <ModuleEmptyPage href={info.href} />;
}
