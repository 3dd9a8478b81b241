/**
 * WeChat subscribe messages (one-time opt-ins), weapp only. The server says which templates it uses
 * (GET /api/me/subscriptions; none = WeChat messages are off) and counts the opt-ins we report back.
 * Nothing here ever throws or blocks the flow that triggered it.
 */
import Taro from '@tarojs/taro';
import { LIMITS, type SubscribeTemplatePurpose } from '@gezhi/shared';
import { getSubscriptions, reportSubscriptions } from '../api/endpoints';

const isWeapp = process.env.TARO_ENV === 'weapp';
let templates: { purpose: SubscribeTemplatePurpose; templateId: string }[] | null = null;

/** Loads the template ids ahead of the tap (the prompt must open inside the tap, with no request before it). */
export async function prefetchSubscribeTemplates(): Promise<void> {
  if (!isWeapp || templates) return;
  try {
    templates = (await getSubscriptions()).templates.map(({ purpose, templateId }) => ({ purpose, templateId }));
  } catch {
    // no WeChat identity, or messages off: the app works without them
  }
}

/**
 * Call synchronously at the start of a user's tap: opens WeChat's opt-in prompt for the purpose's templates
 * and reports what the user chose. Resolves when done (or at once when there is nothing to ask).
 */
export function askForSubscription(purpose: SubscribeTemplatePurpose): Promise<void> {
  if (!isWeapp || !templates) return Promise.resolve();
  const tmplIds = templates
    .filter((t) => t.purpose === purpose)
    .map((t) => t.templateId)
    .slice(0, LIMITS.subscribeTemplatesPerPrompt);
  if (tmplIds.length === 0) return Promise.resolve();
  return (async () => {
    try {
      const result = (await Taro.requestSubscribeMessage({ tmplIds, entityIds: [] })) as unknown as Record<string, string>;
      const results: Record<string, string> = {};
      for (const id of tmplIds) if (typeof result[id] === 'string') results[id] = result[id];
      if (Object.values(results).some((r) => r === 'accept')) await reportSubscriptions({ templateIds: tmplIds, results });
    } catch {
      // the user closed the prompt, or the main switch is off: nothing to report
    }
  })();
}
