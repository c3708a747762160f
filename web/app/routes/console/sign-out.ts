/** `POST …/konsol/keluar` (and the secretariat's): ends the staff session and removes the cookie. */
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { consoleSignInPath } from '../../console/console-paths';
import { handleSignOutAction } from '../../server/console-sign-in.server';
import { createConsoleCall, startConsoleAction } from '../../server/console.server';

/** Signing out changes state: only by POST. A GET just goes to the sign-in page. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return redirect(consoleSignInPath(createConsoleCall({ request, params, context }).scope));
}

export async function action(args: ActionFunctionArgs) {
  return handleSignOutAction(args.request, startConsoleAction(args, { signedIn: false }));
}
