/**
 * `className` as a string, or as a function of the part's state (react-aria-components' pattern), so that styles can
 * follow state without reading data attributes.
 */
export type ClassNameProp<State> = string | ((state: State) => string | undefined);

export function resolveClassName<State>(className: ClassNameProp<State> | undefined, state: State): string | undefined {
  return typeof className === 'function' ? className(state) : className;
}

/** Data attributes for boolean state: present (empty string) when true, absent when false, as Radix does. */
export function dataFlag(value: boolean | undefined): '' | undefined {
  return value ? '' : undefined;
}
