// @vitest-environment node
import { readFileSync, existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as browser from 'yuno-react';
import * as card from 'yuno-react/card';
import * as core from 'yuno-react/core';
import * as sandbox from 'yuno-react/sandbox';
import * as server from 'yuno-react/server';
import * as testing from 'yuno-react/testing';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const names = (entry: object) => Object.keys(entry).sort();

describe('public API', () => {
  it('yuno-react exports', () => {
    expect(names(browser)).toMatchInlineSnapshot(`
      [
        "CardForm",
        "CardFormAlert",
        "CardFormBrand",
        "CardFormControl",
        "CardFormError",
        "CardFormErrorSummary",
        "CardFormField",
        "CardFormHint",
        "CardFormLabel",
        "CardFormStatusMessage",
        "CardFormSubmit",
        "Checkout",
        "NextAction",
        "NextActionChallenge",
        "NextActionCode",
        "NextActionCopyButton",
        "NextActionCountdown",
        "NextActionQrImage",
        "NextActionRedirect",
        "NextActionVoucher",
        "PayButton",
        "PaymentMethodList",
        "PaymentMethodListEmpty",
        "PaymentMethodListError",
        "PaymentMethodListGroup",
        "PaymentMethodListIcon",
        "PaymentMethodListItem",
        "PaymentMethodListLabel",
        "PaymentMethodListLoading",
        "PaymentResult",
        "PaymentResultMessage",
        "PaymentResultRetry",
        "YunoError",
        "YunoProvider",
        "cardFormMessages",
        "createServerTokenizer",
        "createYunoBrowserClient",
        "createYunoSdkTokenizer",
        "createYunoSdkV2Tokenizer",
        "declineMessageKey",
        "declineMessages",
        "errorMessageKey",
        "errorMessages",
        "isYunoError",
        "nextActionMessages",
        "orderPaymentMethods",
        "payButtonMessages",
        "paymentMethodKey",
        "paymentMethodListMessages",
        "paymentResultMessages",
        "useCardForm",
        "useCheckout",
        "useCheckoutActions",
        "useCheckoutSelector",
        "useCreatePayment",
        "useDeclineMessage",
        "useEnrollment",
        "useErrorMessage",
        "useMessages",
        "useOneTimeToken",
        "usePaymentMethods",
        "usePaymentStatus",
        "useSecureFields",
        "useYuno",
        "useYunoLanguage",
      ]
    `);
  });

  it('yuno-react/core exports', () => {
    expect(names(core)).toMatchInlineSnapshot(`
      [
        "AmountSchema",
        "BrowserInfoSchema",
        "CheckoutController",
        "CheckoutSessionSchema",
        "CheckoutStartSchema",
        "CustomerSchema",
        "CustomerSessionSchema",
        "DEFAULT_API_BASE_URL",
        "ENROLLMENT_STATUSES",
        "EnrollmentSchema",
        "OneTimeTokenRequestSchema",
        "OneTimeTokenSchema",
        "PAYMENT_METHODS_STALE_TIME_MS",
        "PAYMENT_METHOD_TYPES",
        "PAYMENT_STATUSES",
        "PAYMENT_SUB_STATUSES",
        "PaymentMethodListSchema",
        "PaymentMethodSchema",
        "PaymentSchema",
        "SDK_PAYMENTS_READY_EVENT",
        "TERMINAL_PAYMENT_STATUSES",
        "YUNO_ERROR_CODES",
        "YUNO_SDK_V2_SCRIPT_URL",
        "YUNO_SDK_V2_VERSION",
        "YUNO_SDK_VERSION",
        "YunoError",
        "YunoErrorBodySchema",
        "collectBrowserInfo",
        "createIdempotencyKey",
        "createServerTokenizer",
        "createYunoBrowserClient",
        "createYunoSdkTokenizer",
        "createYunoSdkV2Tokenizer",
        "declineReasonOf",
        "deriveCheckoutState",
        "deriveStatus",
        "getErrorRecovery",
        "getNextAction",
        "isCheckoutSessionGone",
        "isPaymentMethodEnabled",
        "isTerminalPaymentStatus",
        "isYunoError",
        "loadYunoSdkV2",
        "merchantRoutes",
        "nextActionOf",
        "paymentMethodsQueryOptions",
        "paymentQueryOptions",
        "retryYunoQuery",
        "selectChallengeUrl",
        "selectCheckoutSession",
        "selectCountryCode",
        "selectCustomerSession",
        "selectError",
        "selectNextAction",
        "selectPayment",
        "selectSdkView",
        "selectSelectedMethod",
        "selectStatus",
        "selectWaitingPaymentId",
        "statusOfPayment",
        "toSelection",
        "yunoKeys",
        "yunoSdkScriptUrl",
      ]
    `);
  });

  it('yuno-react/card exports', () => {
    expect(names(card)).toMatchInlineSnapshot(`
      [
        "CARD_BRANDS",
        "DOCUMENT_COUNTRIES",
        "MAX_CARD_EXPIRY_YEARS",
        "MAX_CARD_NUMBER_LENGTH",
        "cardExpiryError",
        "cardNumberError",
        "cardSchema",
        "detectCardBrand",
        "documentTypesFor",
        "formatCardExpiry",
        "formatCardNumber",
        "getCardBrandInfo",
        "holderNameError",
        "isValidCardNumber",
        "maxCardNumberLength",
        "parseCardExpiry",
        "passesLuhn",
        "securityCodeError",
        "securityCodeLength",
        "validateDocument",
      ]
    `);
  });

  it('share one copy of their code: yuno-react, yuno-react/core and yuno-react/card give the same values', () => {
    const shared = Object.keys(browser).filter((name) => name in core);
    expect(shared).toEqual(expect.arrayContaining(['YunoError', 'isYunoError', 'createYunoBrowserClient']));
    for (const name of shared)
      expect(browser[name as keyof typeof browser], name).toBe(core[name as keyof typeof core]);
    expect(new browser.YunoError({ kind: 'network', message: 'offline' })).toBeInstanceOf(core.YunoError);
  });

  it('yuno-react/server exports', () => {
    expect(names(server)).toMatchInlineSnapshot(`
      [
        "AmountSchema",
        "BrowserInfoSchema",
        "CANCEL_REASONS",
        "CancelOrRefundRequestSchema",
        "CancelOrRefundResponseSchema",
        "CheckoutSessionSchema",
        "CreateCheckoutSessionRequestSchema",
        "CreateCustomerRequestSchema",
        "CreateCustomerSessionRequestSchema",
        "CreatePaymentRequestSchema",
        "CreateWebhookRequestSchema",
        "CustomerPayerSchema",
        "CustomerSchema",
        "CustomerSessionSchema",
        "DEFAULT_TIMEOUT_MS",
        "DEFAULT_WEBHOOK_TTL_MS",
        "DIRECT_ENROLLMENT_TYPES",
        "ENROLLMENT_STATUSES",
        "EnrollPaymentMethodApiRequestSchema",
        "EnrollPaymentMethodRequestSchema",
        "EnrollablePaymentMethodListSchema",
        "EnrolledMethodSchema",
        "EnrolledPaymentMethodListSchema",
        "EnrolledPaymentMethodSchema",
        "EnrollmentSchema",
        "IssuerListSchema",
        "OneTimeTokenRequestSchema",
        "OneTimeTokenSchema",
        "PAYMENT_METHODS_STALE_TIME_MS",
        "PAYMENT_METHOD_TYPES",
        "PAYMENT_STATUSES",
        "PAYMENT_SUB_STATUSES",
        "PaymentListSchema",
        "PaymentMethodListSchema",
        "PaymentMethodSchema",
        "PaymentSchema",
        "SESSION_ENROLLMENT_TYPES",
        "TERMINAL_PAYMENT_STATUSES",
        "TransactionSchema",
        "UpdateCheckoutSessionRequestSchema",
        "UpdateCustomerRequestSchema",
        "UpdateWebhookRequestSchema",
        "WEBHOOK_EVENT_TYPES",
        "WEBHOOK_TRIGGERS",
        "WebhookSubscriptionSchema",
        "WebhookV1Schema",
        "WebhookV2Schema",
        "YUNO_ERROR_CODES",
        "YunoError",
        "YunoErrorBodySchema",
        "YunoWebhookError",
        "createIdempotencyKey",
        "createMemoryWebhookStore",
        "createPostgresWebhookStore",
        "createRedisWebhookStore",
        "createYunoCheckout",
        "createYunoRouteHandlers",
        "createYunoServerClient",
        "createYunoWebhookHandler",
        "getNextAction",
        "isPaymentMethodEnabled",
        "isTerminalPaymentStatus",
        "isYunoError",
        "parseYunoWebhook",
        "paymentMethodsQueryOptions",
        "paymentQueryOptions",
        "postgresWebhookStoreSchema",
        "redactCardData",
        "resolveYunoBaseUrl",
        "toNodeHandler",
        "verifyYunoWebhook",
        "verifyYunoWebhookApiKey",
        "webhookDedupKey",
        "yunoKeys",
        "yunoRawBody",
      ]
    `);
  });

  it('yuno-react/sandbox exports', () => {
    expect(names(sandbox)).toMatchInlineSnapshot(`
      [
        "SANDBOX_ACCOUNT_ID",
        "SANDBOX_CHECKOUT_SESSION_TTL_MS",
        "SANDBOX_DEFAULT_BASE_URL",
        "SANDBOX_PIX_TTL_MS",
        "SANDBOX_PRIVATE_SECRET_KEY",
        "SANDBOX_PUBLIC_API_KEY",
        "SANDBOX_TEST_CARDS",
        "SANDBOX_THREE_DS_OTPS",
        "SANDBOX_VOUCHER_TTL_MS",
        "SANDBOX_WEBHOOK_RETRY_DELAYS_MS",
        "createSandboxWebSdk",
        "createYunoSandbox",
        "installSandboxWebSdk",
        "startYunoSandboxServer",
      ]
    `);
  });

  it('yuno-react/testing exports', () => {
    expect(names(testing)).toMatchInlineSnapshot(`
      [
        "SANDBOX_THREE_DS_OTPS",
        "TEST_CARDS",
        "TestKitError",
        "answerThreeDSecure",
        "fillCardForm",
        "fillSecureFields",
        "secureFieldFrameSelector",
        "waitForPaymentStatus",
      ]
    `);
  });
});

const NODE_BUILTINS = new Set(builtinModules);
const FORBIDDEN_DIRS = ['src/server', 'src/sandbox', 'src/bin'];
const FORBIDDEN_FILES = ['src/server.ts', 'src/sandbox.ts'];

function resolveRelative(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier.replace(/\.(js|jsx|mjs|cjs)$/, ''));
  const candidates = [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
    // `./x.js` written for a `./x.ts` source
    resolve(dirname(from), specifier),
  ];
  return candidates.find((candidate) => existsSync(candidate) && /\.(ts|tsx|js|json|css)$/.test(candidate));
}

/** Every module reachable from `entry` through import, export-from, require and dynamic import, with who imports it. */
function importGraph(entry: string) {
  const files = new Set<string>();
  const external: Array<{ from: string; specifier: string }> = [];
  const unresolved: Array<{ from: string; specifier: string }> = [];
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (files.has(file)) continue;
    files.add(file);
    if (!/\.(ts|tsx)$/.test(file)) continue;
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName: specifier } of importedFiles) {
      if (specifier.startsWith('.')) {
        const target = resolveRelative(file, specifier);
        if (target) queue.push(target);
        else unresolved.push({ from: relative(root, file), specifier });
      } else {
        external.push({ from: relative(root, file), specifier });
      }
    }
  }
  return { files: [...files].map((file) => relative(root, file)), external, unresolved };
}

describe.each(['src/index.ts', 'src/core-entry.ts', 'src/card/index.ts'])(
  "the browser entry %s's import graph",
  (entry) => {
    const graph = importGraph(join(root, entry));

    it('is walked completely', () => {
      expect(graph.files).toContain(entry);
      expect(graph.files.length).toBeGreaterThan(1);
      expect(graph.unresolved).toEqual([]);
    });

    it('never reaches src/server, src/sandbox or src/bin', () => {
      const reached = graph.files.filter(
        (file) => FORBIDDEN_FILES.includes(file) || FORBIDDEN_DIRS.some((dir) => file.startsWith(`${dir}/`)),
      );
      expect(reached).toEqual([]);
      const viaPackageName = graph.external.filter(({ specifier }) => /^yuno-react\/(server|sandbox)/.test(specifier));
      expect(viaPackageName).toEqual([]);
    });

    it('imports no Node built-in module', () => {
      const builtins = graph.external.filter(
        ({ specifier }) => specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0]!),
      );
      expect(builtins).toEqual([]);
    });
  },
);

describe('the React-free entries yuno-react/core and yuno-react/card', () => {
  // React and the libraries built on it; yuno-react/core and yuno-react/card must load none of them.
  const reactPackages =
    /^(react|react-dom|@tanstack\/react-query|react-hook-form|@hookform\/resolvers|@radix-ui\/.*)(\/|$)/;

  it.each(['src/core-entry.ts', 'src/card/index.ts'])('%s imports nothing of React', (entry) => {
    const graph = importGraph(join(root, entry));
    expect(graph.unresolved).toEqual([]);
    expect(graph.external.filter(({ specifier }) => reactPackages.test(specifier))).toEqual([]);
    expect(graph.files.filter((file) => /^src\/(react|components)\//.test(file) || file.endsWith('.tsx'))).toEqual([]);
  });

  it('the React entry does import React (the check above can fail)', () => {
    const graph = importGraph(join(root, 'src/index.ts'));
    expect(graph.external.some(({ specifier }) => reactPackages.test(specifier))).toBe(true);
  });

  it("start with no 'use client' directive in their source", () => {
    for (const entry of ['src/core-entry.ts', 'src/card/index.ts']) {
      expect(readFileSync(join(root, entry), 'utf8'), entry).not.toMatch(/^\s*(\/\/.*\n)*\s*['"]use client['"]/);
    }
  });
});

describe("the other entries' import graphs", () => {
  it('keep msw, an optional peer dependency, out of yuno-react/sandbox and yuno-react/server', () => {
    for (const entry of ['src/sandbox.ts', 'src/server.ts']) {
      const graph = importGraph(join(root, entry));
      expect(graph.unresolved, entry).toEqual([]);
      expect(
        graph.external.filter(({ specifier }) => specifier === 'msw' || specifier.startsWith('msw/')),
        entry,
      ).toEqual([]);
    }
    const msw = importGraph(join(root, 'src/sandbox-msw.ts'));
    expect(msw.external.some(({ specifier }) => specifier === 'msw')).toBe(true);
  });

  it('keep redis, ioredis and pg, optional peer dependencies, out of every entry (the webhook stores take clients)', () => {
    const optional = /^(redis|ioredis|pg)(\/|$)/;
    for (const entry of [
      'src/index.ts',
      'src/core-entry.ts',
      'src/card/index.ts',
      'src/server.ts',
      'src/sandbox.ts',
      'src/sandbox-msw.ts',
      'src/testing.ts',
    ]) {
      const graph = importGraph(join(root, entry));
      expect(
        graph.external.filter(({ specifier }) => optional.test(specifier)),
        entry,
      ).toEqual([]);
    }
    const server = importGraph(join(root, 'src/server.ts'));
    expect(server.files).toContain('src/server/webhooks/redisStore.ts');
    expect(server.files).toContain('src/server/webhooks/postgresStore.ts');
  });

  it('keep test libraries and React out of yuno-react/testing: its helpers take Playwright and user-event by shape', () => {
    const graph = importGraph(join(root, 'src/testing.ts'));
    expect(graph.unresolved).toEqual([]);
    expect(graph.files).toContain('src/sandbox/testCards.ts');
    expect(graph.external).toEqual([]);
    expect(graph.files.filter((file) => /^src\/(react|components|server)\//.test(file))).toEqual([]);
  });

  it('load no node: module at the top of yuno-react/sandbox (it runs in browsers under MSW)', () => {
    const graph = importGraph(join(root, 'src/sandbox.ts'));
    // `import type` is fine: it is erased; startYunoSandboxServer loads node:http when it starts.
    const sources = graph.files
      .filter((file) => /\.(ts|tsx)$/.test(file))
      .map((file) => [file, readFileSync(join(root, file), 'utf8')] as const);
    const valueImports = sources.filter(([, text]) => /^import\s+(?!type\b)[^;]*from\s+'node:/m.test(text));
    expect(valueImports.map(([file]) => file)).toEqual([]);
  });
});
