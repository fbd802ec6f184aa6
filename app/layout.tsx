import type { Metadata } from "next";
import type { ReactNode } from "react";
import { TRPCReactProvider } from "./_trpc/react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Shelfwise", template: "%s · Shelfwise" },
  description: "Sales, profit, advertising and inventory for Amazon sellers, kept in sync with Amazon.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}
