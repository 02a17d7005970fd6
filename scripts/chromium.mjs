// Debian's Chromium and the flags it needs on these machines (closed network, root, no GPU), shared by the story tests,
// the end-to-end flows and the keystroke benchmark. No test tool downloads a browser of its own here.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
