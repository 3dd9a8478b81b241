import type { EnvReader } from '../../config/env-reader';

/** A resident may bind a different home at most homeChanges times per homeChangeWindowDays. Inject `HomeBindingConfig`. */
export abstract class HomeBindingConfig {
  abstract readonly homeChanges: number;
  abstract readonly homeChangeWindowDays: number;
}

/** HOME_CHANGES_LIMIT, HOME_CHANGES_WINDOW_DAYS */
export function parseHomeBindingConfig(env: EnvReader): HomeBindingConfig {
  return {
    homeChanges: env.readInteger('HOME_CHANGES_LIMIT', 3, 1, 100),
    homeChangeWindowDays: env.readInteger('HOME_CHANGES_WINDOW_DAYS', 30, 1, 365),
  };
}
