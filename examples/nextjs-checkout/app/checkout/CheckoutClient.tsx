'use client';

import { useRouter } from 'next/navigation';
import { Checkout, YunoProvider, type CheckoutStart } from 'yuno-react';
import { sdkTokenizer } from '@/lib/sdkTokenizer';
import { FollowOrder, SaveCard } from './CheckoutExtras';

export interface CheckoutClientProps {
  start: CheckoutStart;
  publicApiKey: string;
  sandboxUrl: string | null;
}

export function CheckoutClient({ start, publicApiKey, sandboxUrl }: CheckoutClientProps) {
  const router = useRouter();
  return (
    <YunoProvider
      checkoutSession={start.checkoutSession}
      countryCode={start.countryCode}
      tokenizer={sdkTokenizer(publicApiKey, sandboxUrl)}
    >
      <Checkout allowSaveCard onSuccess={(payment) => router.push(`/result/${payment.id}`)} />
      <FollowOrder />
      <SaveCard />
    </YunoProvider>
  );
}
