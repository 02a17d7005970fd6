import { useSyncExternalStore } from 'react';
import type { YunoLanguage } from './YunoContext';

function detect(): YunoLanguage {
  const code = typeof navigator === 'undefined' ? '' : (navigator.language ?? '').slice(0, 2).toLowerCase();
  return code === 'es' || code === 'pt' ? code : 'en';
}

function subscribe(onChange: () => void): () => void {
  if (typeof window === 'undefined') return () => undefined;
  window.addEventListener('languagechange', onChange);
  return () => window.removeEventListener('languagechange', onChange);
}

/** The browser's language among those yuno-react speaks; English while rendering on the server. */
export function useBrowserLanguage(): YunoLanguage {
  return useSyncExternalStore(subscribe, detect, () => 'en');
}
