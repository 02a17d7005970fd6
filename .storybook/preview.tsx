import type { Decorator, Loader, Preview } from '@storybook/react-vite';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { configure } from 'storybook/test';
import { YunoProvider } from 'yuno-react';
import { createStoryStack, type YunoStoryParameters, type YunoStoryStack } from '../stories/support/storyStack';

// Each story's payment runs through the whole stack, on machines that may be busy: findBy* and waitFor get 5 s, not 1.
configure({ asyncUtilTimeout: 5_000 });

const msw = mswLoader(async () => {
  const worker = setupWorker();
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass', serviceWorker: { url: '/mockServiceWorker.js' } });
  return worker;
});

// A docs page renders several stories at once, and each story load resets MSW's handlers: every stack made in this
// page stays mounted (each under its own path and sandbox origin), the newest first.
const liveStacks: YunoStoryStack[] = [];

/** Starts MSW, then builds the story's checkout stack from `parameters.yuno` and mounts it. */
const yunoLoader: Loader = async (context) => {
  await msw(context);
  const stack = await createStoryStack((context.parameters.yuno ?? {}) as YunoStoryParameters);
  liveStacks.unshift(stack);
  liveStacks.length = Math.min(liveStacks.length, 50);
  context.msw.use(...liveStacks.flatMap((s) => s.handlers));
  return { yuno: stack };
};

/** Puts the story under a `<YunoProvider>` bound to its stack, with the element the 2.x SDK shows its views in. */
const withYunoProvider: Decorator = (Story, context) => {
  const stack = context.loaded.yuno as YunoStoryStack | undefined;
  if (!stack) return <Story />;
  return (
    <YunoProvider key={stack.id} {...stack.providerProps}>
      <Story />
      {stack.sdkView !== null && <div data-yuno-sdk-view={stack.sdkView} />}
    </YunoProvider>
  );
};

const preview: Preview = {
  loaders: [yunoLoader],
  decorators: [withYunoProvider],
  tags: ['autodocs'],
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    // Every story is also a test in Chromium: an axe violation fails it.
    a11y: { test: 'error' },
  },
};

export default preview;
