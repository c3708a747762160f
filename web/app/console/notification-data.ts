/** The notifications page's form and what a refused mark carries back (shared by the page and its action). */

/** The API's limit per call, and the page's length. */
export const MAX_MARKED = 100;

export interface NotificationsActionData {
  problem: string;
}
