import { anonymise } from './anonymise';

/**
 * 公示 shows a public summary the handler approves at 办结, never the resident's own text (issue 11). The resolve
 * form starts from the draft: the description anonymised. Whatever the handler sends is anonymised again when it is
 * stored (and once more on the board, with the household's names). Pure: no Nest, no database.
 */
export interface SummarySource {
  description: string;
  /** the reporter's name as stored on the request */
  contactName: string;
  publicSummary: string | null;
}

/**
 * What the resolve form is pre-filled with: the approved summary if there is one, else the description anonymised
 * (the reporter's name and `householdNames`, the names of everyone bound to the room, removed).
 */
export function publicSummaryDraft(request: SummarySource, householdNames: readonly string[] = []): string {
  return request.publicSummary ?? anonymise(request.description, { names: [request.contactName, ...householdNames] });
}

/** The summary to store from what the handler approved: anonymised; null when they sent none (nothing on the board). */
export function approvedPublicSummary(approved: string | undefined | null, request: Pick<SummarySource, 'contactName'>): string | null {
  const text = (approved ?? '').trim();
  return text === '' ? null : anonymise(text, { names: [request.contactName] });
}
