import type { EnvReader } from '../../config/env-reader';

/** Which subscribe-message template a notice uses: residents' progress updates, or new work for staff/liaisons. */
export type SubscribeTemplatePurpose = 'REQUEST_UPDATE' | 'NEW_ASSIGNMENT';

/** What goes into a template keyword: the request serial, the notice title or body, the time of the hand-off. */
export const TEMPLATE_FIELD_SOURCES = ['serial', 'title', 'body', 'time'] as const;
export type TemplateFieldSource = (typeof TEMPLATE_FIELD_SOURCES)[number];

export interface SubscribeTemplateConfig {
  templateId: string;
  /** template keyword (e.g. thing2) → what fills it; keywords differ per template chosen in the WeChat console */
  fields: Record<string, TemplateFieldSource>;
}

const DEFAULT_TEMPLATE_FIELDS = 'character_string1=serial,thing2=title,thing3=body,time4=time';

/** The WeChat API: the mini-program's credentials (login, access token) and its subscribe-message templates. Inject `WechatConfig`. */
export abstract class WechatConfig {
  abstract readonly appId: string | null;
  abstract readonly secret: string | null;
  abstract readonly apiBase: string;
  abstract readonly timeoutMs: number;
  /** subscribe-message templates (ids from the WeChat console); null = no WeChat message of that kind, in-app only */
  abstract readonly templates: Record<SubscribeTemplatePurpose, SubscribeTemplateConfig | null>;
  /** miniprogram_state of subscribe messages: which build a tap on the message opens */
  abstract readonly miniprogramState: 'developer' | 'trial' | 'formal';
}

/** WECHAT_APPID, WECHAT_SECRET, WECHAT_API_BASE, WECHAT_TEMPLATE_*(_FIELDS), WECHAT_MINIPROGRAM_STATE */
export function parseWechatConfig(env: EnvReader): WechatConfig {
  const apiBase = (env.read('WECHAT_API_BASE') ?? 'https://api.weixin.qq.com').replace(/\/+$/, '');
  if (!/^https?:\/\//.test(apiBase)) env.problem('WECHAT_API_BASE must be an http(s) URL');

  const readTemplate = (name: string): SubscribeTemplateConfig | null => {
    const templateId = env.read(name);
    if (!templateId) return null;
    const fieldsName = `${name}_FIELDS`;
    const fields: Record<string, TemplateFieldSource> = {};
    for (const pair of (env.read(fieldsName) ?? DEFAULT_TEMPLATE_FIELDS).split(',')) {
      const [keyword, source] = pair.split('=').map((part) => part.trim());
      if (!keyword || !/^[a-z_]+\d+$/.test(keyword) || !(TEMPLATE_FIELD_SOURCES as readonly string[]).includes(source)) {
        env.problem(`${fieldsName} must look like "thing2=title,time4=time" with sources ${TEMPLATE_FIELD_SOURCES.join('|')} (got "${pair}")`);
        continue;
      }
      fields[keyword] = source as TemplateFieldSource;
    }
    return { templateId, fields };
  };
  const templates = {
    REQUEST_UPDATE: readTemplate('WECHAT_TEMPLATE_REQUEST_UPDATE'),
    NEW_ASSIGNMENT: readTemplate('WECHAT_TEMPLATE_NEW_ASSIGNMENT'),
  };
  if ((templates.REQUEST_UPDATE || templates.NEW_ASSIGNMENT) && !(env.read('WECHAT_APPID') && env.read('WECHAT_SECRET'))) {
    env.problem('WECHAT_TEMPLATE_* needs WECHAT_APPID and WECHAT_SECRET (the sender needs an access token)');
  }
  const miniprogramState = env.read('WECHAT_MINIPROGRAM_STATE') ?? 'formal';
  if (!['developer', 'trial', 'formal'].includes(miniprogramState)) {
    env.problem(`WECHAT_MINIPROGRAM_STATE must be developer, trial or formal (got "${miniprogramState}")`);
  }
  return {
    appId: env.read('WECHAT_APPID') ?? null,
    secret: env.read('WECHAT_SECRET') ?? null,
    apiBase,
    timeoutMs: 5000,
    templates,
    miniprogramState: miniprogramState as WechatConfig['miniprogramState'],
  };
}
