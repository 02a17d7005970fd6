import type { FrameLocator, Locator, Page } from 'playwright-core';
import { expectTypeOf, it } from 'vitest';
import type { FrameLocatorLike, LocatorLike, LocatorScope, StatusLocatorLike } from 'yuno-react/testing';
import { type answerThreeDSecure, fillSecureFields, type waitForPaymentStatus } from 'yuno-react/testing';

it("takes Playwright's Page, Locator and FrameLocator by shape", () => {
  expectTypeOf<Page>().toExtend<LocatorScope>();
  expectTypeOf<Locator>().toExtend<LocatorScope>();
  expectTypeOf<Locator>().toExtend<LocatorLike>();
  expectTypeOf<Locator>().toExtend<StatusLocatorLike>();
  expectTypeOf<FrameLocator>().toExtend<FrameLocatorLike>();
  expectTypeOf(fillSecureFields).parameter(0).toExtend<LocatorScope>();
  expectTypeOf<Page>().toExtend<Parameters<typeof answerThreeDSecure>[0]>();
  expectTypeOf<Page>().toExtend<Parameters<typeof waitForPaymentStatus>[0]>();
  // Not anything: a string is no scope.
  expectTypeOf<string>().not.toExtend<LocatorScope>();
});
