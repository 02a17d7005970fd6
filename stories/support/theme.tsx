import type { Decorator } from '@storybook/react-vite';
import themeCss from '../../src/styles.css?inline';

/**
 * Loads the optional default theme (`yuno-react/styles.css`, i.e. src/styles.css) for the stories it decorates, and
 * for as long as they are on screen: the other stories stay unstyled.
 *
 * @example
 * ```ts
 * export const Themed: Story = { decorators: [withTheme], parameters: themedParameters };
 * ```
 */
export const withTheme: Decorator = (Story) => (
  <>
    <style data-theme="yuno-react/styles.css">{themeCss}</style>
    <Story />
  </>
);

/** A themed story gets its own frame on docs pages, so that its styles do not reach the unstyled stories there. */
export const themedParameters = { docs: { story: { inline: false, height: '36rem' } } };
