// Types of scripts/example.mjs, for the end-to-end tests that start the example's stack with it.
export declare const root: string;
export declare const exampleDir: string;
export declare const DEFAULT_WEBHOOK_SECRET: string;

type Log = (text: string) => void;

export interface RunningProcess {
  url: string;
  stop(): Promise<void>;
  output(): string;
}

export declare function run(
  command: string,
  args: string[],
  options?: { cwd?: string; env?: NodeJS.ProcessEnv; log?: Log },
): Promise<string>;
export declare function packTarball(options?: { log?: Log }): Promise<string>;
export declare function installExample(options?: { log?: Log }): Promise<void>;
export declare function freePort(): Promise<number>;
export declare function startSandbox(options?: {
  webhookUrl?: string;
  webhookSecret?: string;
  port?: number;
  log?: Log;
}): Promise<RunningProcess>;
export declare function buildNext(options?: { env?: Record<string, string>; log?: Log }): Promise<void>;
export declare function startNext(options: {
  port: number;
  mode?: 'start' | 'dev';
  env?: Record<string, string>;
  log?: Log;
}): Promise<RunningProcess>;
