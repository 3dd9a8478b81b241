import * as path from 'node:path';

export type Env = Record<string, string | undefined>;

const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

/**
 * The environment as each concern's parser reads it (`parseWechatConfig(env)`, …): trimmed values, typed readers that
 * fall back to the default and note a problem on a bad value, and the problems of every concern collected in one list,
 * so that boot fails once with all of them (ConfigError, thrown by parseConfig).
 */
export class EnvReader {
  readonly problems: string[] = [];
  readonly nodeEnv: NodeEnv;
  readonly isProduction: boolean;

  constructor(
    private readonly env: Env,
    readonly serverRoot: string,
  ) {
    const rawNodeEnv = this.read('NODE_ENV') ?? 'development';
    this.nodeEnv = (NODE_ENVS as readonly string[]).includes(rawNodeEnv)
      ? (rawNodeEnv as NodeEnv)
      : (this.problems.push(`NODE_ENV must be one of ${NODE_ENVS.join(', ')} (got "${rawNodeEnv}")`), 'development');
    this.isProduction = this.nodeEnv === 'production';
  }

  read(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === '' ? undefined : value;
  }

  readBoolean(name: string, fallback: boolean): boolean {
    const raw = this.read(name);
    if (raw === undefined) return fallback;
    if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
    if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
    this.problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  }

  readPositiveInt(name: string, fallback: number): number {
    const raw = this.read(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value <= 0) {
      this.problems.push(`${name} must be a positive integer (got "${raw}")`);
      return fallback;
    }
    return value;
  }

  readInteger(name: string, fallback: number, min: number, max: number): number {
    const raw = this.read(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      this.problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  }

  /** a path relative to server/ */
  resolvePath(value: string): string {
    return path.resolve(this.serverRoot, value);
  }

  problem(message: string): void {
    this.problems.push(message);
  }
}
