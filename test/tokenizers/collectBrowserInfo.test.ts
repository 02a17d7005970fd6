// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { type BrowserInfo } from 'yuno-react';
import { collectBrowserInfo } from 'yuno-react/core';

describe('collectBrowserInfo in a browser', () => {
  it('reads the navigator, the screen and the time zone', () => {
    const info: BrowserInfo = collectBrowserInfo();
    expect(info).toEqual({
      user_agent: navigator.userAgent,
      accept_header: 'application/json, text/plain, */*',
      accept_content: null,
      accept_browser: null,
      color_depth: String(screen.colorDepth),
      screen_height: String(screen.height),
      screen_width: String(screen.width),
      javascript_enabled: true,
      java_enabled: false,
      browser_time_difference: String(new Date().getTimezoneOffset()),
      language: navigator.language,
      platform: 'WEB',
    });
  });

  it('fits the language and user agent into the lengths Yuno accepts', () => {
    const restore = [
      override(navigator, 'language', 'es-419'),
      override(navigator, 'userAgent', `Mozilla/5.0 ${'x'.repeat(400)}`),
    ];
    try {
      const info = collectBrowserInfo();
      expect(info.language).toBe('es');
      expect(info.user_agent).toHaveLength(255);
    } finally {
      for (const undo of restore) undo();
    }
  });
});

function override(target: object, key: string, value: unknown): () => void {
  Object.defineProperty(target, key, { value, configurable: true });
  return () => {
    delete (target as Record<string, unknown>)[key];
  };
}
