/**
 * A case page the viewer may not open, inside the console (status 404): see
 * console/case-unavailable.tsx. Only the viewer and the console's frame are loaded.
 */
import { data } from '@remix-run/node';
import { ConsoleViewerDocument } from '../graphql/documents.server';
import { callConsole, type ConsoleCall, getConsoleFrame, requireViewer, toConsolePageError } from './console.server';

export async function createCaseUnavailable(request: Request, call: ConsoleCall) {
  try {
    const { viewerStaff } = await callConsole(call, ConsoleViewerDocument);
    const viewer = requireViewer(viewerStaff, request, call);
    const frame = await getConsoleFrame(call, viewer.provinceId);
    return data(
      { unavailable: true as const, frame, themeStyle: frame.themeStyle ?? undefined, viewer },
      { status: 404, headers: { 'Cache-Control': 'no-store' } },
    );
  } catch (error) {
    if (error instanceof Response) throw error;
    throw toConsolePageError(error, request, call);
  }
}
