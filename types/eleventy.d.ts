// The parts of Eleventy 3's API this project uses (the package ships JSDoc, not .d.ts).
declare module "@11ty/eleventy/UserConfig" {
  export default interface UserConfig {
    addPlugin(plugin: unknown, options?: Record<string, unknown>): void;
    addWatchTarget(path: string): void;
    setWatchThrottleWaitTime(ms: number): void;
    addPassthroughCopy(paths: string | Record<string, string>): void;
    addGlobalData(name: string, data: unknown): void;
    addFilter(name: string, filter: (...args: never[]) => unknown): void;
    addTemplate(virtualPath: string, content: string, data?: Record<string, unknown>): void;
    on(event: string, listener: (arg: never) => unknown): void;
    ignores: Set<string>;
    setDataFileSuffixes(suffixes: string[]): void;
    setUseGitIgnore(use: boolean): void;
    addExtension(extension: string | string[], options: Record<string, unknown>): void;
    addCollection(name: string, build: (api: never) => unknown): void;
  }
}

declare module "@11ty/eleventy" {
  export const HtmlBasePlugin: unknown;
  interface EleventyOptions {
    configPath?: string;
    quietMode?: boolean;
    pathPrefix?: string;
    runMode?: "build" | "watch" | "serve";
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    init(): Promise<void>;
    write(): Promise<unknown>;
    watch(): Promise<void>;
    serve(port?: number): Promise<void>;
    setIncrementalBuild(incremental: boolean): void;
  }
}
