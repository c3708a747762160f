/**
 * Headers for every response (pages, assets, refusals): no powerful browser feature for any
 * page or frame, and over TLS, HTTPS only from then on. `request.secure` follows `trust proxy`:
 * only a trusted proxy's X-Forwarded-Proto can say the browser used TLS. The per-page
 * Content-Security-Policy (with its script nonce) is set in app/entry.server.tsx.
 */
import type { NextFunction, Request, Response } from 'express';

const PERMISSIONS_POLICY = [
  'accelerometer',
  'autoplay',
  'bluetooth',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

export function setSecurityHeaders(request: Request, response: Response, next: NextFunction): void {
  response.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
  if (request.secure) response.setHeader('Strict-Transport-Security', 'max-age=31536000');
  next();
}
