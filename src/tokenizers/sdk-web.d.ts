// Types of Yuno's loader package. Its own declarations import `Yuno` from an older copy of
// @yuno-payments/sdk-web-types (4.x, nested under it), whose instance lacks members of the 5.x types this library is
// written against; declaring the one function used here keeps a single `Yuno` type.
declare module '@yuno-payments/sdk-web' {
  import type { Yuno } from '@yuno-payments/sdk-web-types';

  /** Where `loadScript` fetches the SDK from: `https://sdk-web{.env}.y.uno/{version}/main.js`. */
  export interface LoadScriptProps {
    /** @default 'prod' */
    env?: 'dev' | 'staging' | 'sandbox' | 'prod';
    /** A path such as `v1.10`; the loader picks one when omitted. */
    version?: string;
  }

  /** Injects Yuno's Web SDK script once and resolves with its global. */
  export function loadScript(props?: LoadScriptProps): Promise<Yuno>;
}
