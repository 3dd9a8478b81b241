import type { EnvReader, NodeEnv } from '../../config/env-reader';

/** The demo seed (SEED_DEMO) and the production guard against the published demo password. Inject `DemoSeedConfig`. */
export abstract class DemoSeedConfig {
  abstract readonly seedDemo: boolean;
  /** production refuses to run with a demo password still in place */
  abstract readonly isProduction: boolean;
  /** under NODE_ENV=test the demo history is not loaded */
  abstract readonly nodeEnv: NodeEnv;
}

/** SEED_DEMO (refused when NODE_ENV=production) */
export function parseDemoSeedConfig(env: EnvReader): DemoSeedConfig {
  const seedDemo = env.readBoolean('SEED_DEMO', false);
  if (env.isProduction && seedDemo) {
    env.problem('SEED_DEMO=true is refused when NODE_ENV=production: the demo seed creates demo accounts with the published demo password');
  }
  return { seedDemo, isProduction: env.isProduction, nodeEnv: env.nodeEnv };
}
