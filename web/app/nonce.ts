/**
 * The Content-Security-Policy nonce of the document being rendered: entry.server.tsx makes
 * one per response and names it in the header; `<Scripts>` and `<ScrollRestoration>` put it
 * on their inline scripts. In the browser it is empty: the scripts have run by then, and
 * browsers hide a nonce from the page anyway.
 */
import { createContext, useContext } from 'react';

const NonceContext = createContext('');

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string {
  return useContext(NonceContext);
}
