/** Any address no other route claims: the friendly 404 page. */
import { createPageError } from '../server/page-errors.server';

export async function loader() {
  throw createPageError('PAGE_NOT_FOUND');
}

export default function NotFound() {
  return null;
}
