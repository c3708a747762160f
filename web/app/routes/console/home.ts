/**
 * `/t/<slug>/konsol` and `/konsol/sekretariat`, the console's published addresses: each staff
 * member is sent where their role's work is (console-access.ts: the inbox, the custodian page,
 * the staff page); with a query (inbox filters) to the inbox, filters kept. The inbox lives one
 * step inside so that its data requests carry the session cookie (see `consoleInboxPath`).
 * Without a session: the sign-in page, which lands the same way afterwards.
 */
import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { findConsoleLanding } from '../../console/console-access';
import { consoleInboxPath, consoleSignInPath } from '../../console/console-paths';
import { ConsoleViewerDocument } from '../../graphql/documents.server';
import { callConsole, createConsoleCall, createSignInRedirect, toConsolePageError } from '../../server/console.server';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const call = createConsoleCall({ request, params, context });
  const { search } = new URL(request.url);
  if (search) return redirect(`${consoleInboxPath(call.scope)}${search}`);
  if (!call.token) return redirect(consoleSignInPath(call.scope));
  try {
    const { viewerStaff } = await callConsole(call, ConsoleViewerDocument);
    if (!viewerStaff || (call.scope.kind === 'secretariat' && !viewerStaff.provinceId)) return createSignInRedirect(request, call, 'ended');
    return redirect(findConsoleLanding(viewerStaff, call.scope));
  } catch (error) {
    throw toConsolePageError(error, request, call);
  }
}
