/// <reference types="vite/client" />

declare module 'virtual:yuno-catalogue-sandbox' {
  /**
   * Origin of the catalogue's sandbox server (.storybook/catalogueSandbox.ts), e.g. `http://127.0.0.1:6010`; `null`
   * in a static build, which has no server.
   */
  export const sandboxUrl: string | null;
}
