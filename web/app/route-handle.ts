/**
 * What a route may ask of the document. Pages are server-rendered and ship no JavaScript;
 * a route that truly needs client code (a live case view, say) sets `hydrate: true`, and
 * only then does the document load Remix's scripts.
 */
export interface RouteHandle {
  hydrate?: boolean;
}

export function wantsHydration(handle: unknown): boolean {
  return typeof handle === 'object' && handle !== null && (handle as RouteHandle).hydrate === true;
}
