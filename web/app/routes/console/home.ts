/**
 * `/t/<slug>/konsol` and `/konsol/sekretariat`, the console's published addresses: they lead
 * to the inbox (filters kept), which lives one step inside so that its data requests carry the
 * session cookie (see `consoleInboxPath`). No session is needed to be sent on.
 */
import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { consoleInboxPath } from '../../console/console-paths';
import { createConsoleCall } from '../../server/console.server';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { search } = new URL(request.url);
  return redirect(`${consoleInboxPath(createConsoleCall({ request, params, context }).scope)}${search}`);
}
