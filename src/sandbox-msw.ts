// `yuno-react/sandbox/msw`: the sandbox as MSW request handlers. A separate entry because msw is an optional peer
// dependency: `yuno-react/sandbox` (the emulator, its server and its Web SDK stand-in) must load without it.
export { createSandboxMswHandlers } from './sandbox/createSandboxMswHandlers';
export type { SandboxMswHandlersOptions } from './sandbox/createSandboxMswHandlers';
