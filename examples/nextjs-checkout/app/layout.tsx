import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import 'yuno-react/styles.css';
import { Providers } from './providers';
import './globals.css';

export const metadata: Metadata = {
  title: 'Yuno shop',
  description: 'A Next.js checkout on yuno-react',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <Link href="/">Yuno shop</Link>
        </header>
        <main className="page">
          <Providers>{children}</Providers>
        </main>
      </body>
    </html>
  );
}
