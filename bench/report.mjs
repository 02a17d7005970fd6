// bench/RESULTS.md from one run's measurements: tables, targets, and for every target not met its reason (from the
// measurements: esbuild's metafile, the Profiler counts, the CPU profile) and the next lever.
import { DRIVERS, NOT_DURING_NUMBER } from './targets.mjs';

const kB = (bytes) => (bytes === undefined ? '–' : `${(bytes / 1000).toFixed(1)} kB`);
const pct = (share) => `${(share * 100).toFixed(0)} %`;
const ms = (value, digits = 2) => (Number.isFinite(value) ? `${value.toFixed(digits)} ms` : '–');
const times = (value) => (Number.isFinite(value) ? `${value.toFixed(2)} ×` : '–');

function table(headers, rows) {
  const line = (cells) => `| ${cells.map((c) => String(c ?? '').replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

/** What a package is doing in the bundle, and what could make it smaller. */
const SIZE_LEVERS = {
  zod: 'the browser entry already imports `zod/mini` (not `zod`); what remains is zod/mini’s shared core (parser, checks, issue machinery), pulled in by the response schemas and the card form’s schema. Next lever: validate the merchant routes’ responses in the browser with small hand-written guards (keep the zod schemas for the server and sandbox entries), and the card form with plain functions instead of a zod resolver — that removes zod from the page entirely.',
  '@tanstack/query-core':
    'the engine of @tanstack/react-query, a peer dependency: an app that already uses TanStack Query (most data-heavy React apps) pays nothing for it. Next lever: none inside the hooks without giving up caching, deduplication and server prefetch; the "peers external" rows are the cost for such apps.',
  '@tanstack/react-query':
    'a peer dependency: an app that already uses TanStack Query (most data-heavy React apps) pays nothing for it. Next lever: none inside the hooks without giving up caching, deduplication and server prefetch; document the marginal cost for apps already on it (the "peers external" rows).',
  'react-hook-form':
    'a peer dependency, used only by CardForm. Next lever: a CardForm on uncontrolled inputs and a small form store of its own would drop it (and @hookform/resolvers) for apps that do not use react-hook-form already.',
  '@hookform/resolvers': 'the zod resolver of CardForm. Next lever: goes with zod and react-hook-form above.',
  'credit-card-type':
    'brand detection for 13 brands ships the whole credit-card-type table and its matching code. Next lever: a prefix table limited to the brands CardForm supports.',
  '@radix-ui/react-slot': 'the `asChild` support. Small; next lever: a 20-line Slot of our own.',
  'yuno-react':
    "yuno-react's own code; see the per-folder breakdown. Next lever: the largest folders first (schemas: fewer, smaller schemas in the browser; components: message catalogs per language loaded on demand).",
};

/** yuno-react's own source folders (see bundle.mjs ownerOf). */
const OWN_LEVERS = {
  'yuno-react message catalogues (en, es, pt)':
    'every visible string of every component ships in three languages to every page. Next lever: English in the entry, Spanish and Portuguese as separate modules the provider loads for its `language` (or the app passes through `messages`).',
  'yuno-react src/core/schemas':
    "the zod/mini schemas of every Yuno shape (payments, methods, tokens, sessions…), used in the browser to validate the merchant routes' answers. Next lever: in the browser, check only the fields the hooks read; keep the full schemas for the server and sandbox entries.",
  'yuno-react src/components/CardForm':
    'one component for three modes (pay, cvv, enroll), documents and installments. Next lever: load the document and installment parts only for the countries and sessions that need them.',
  'yuno-react src/react':
    'the provider, the checkout store and the hooks; the typical import keeps most of it (useCheckout is what CardForm and PaymentMethodList run on). Next lever: none large; trim the checkout state machine’s helpers.',
  'yuno-react src/tokenizers':
    'both tokenizers (Web SDK and server), browser_info and the fraud check. Next lever: a page uses one tokenizer; export each from its own entry so the other is not bundled.',
  'yuno-react src/core':
    'YunoError, the HTTP client (timeouts, retries, idempotency keys), query keys and next-action helpers. Next lever: none large.',
  'yuno-react src/components/NextAction':
    '3-D Secure, redirect, PIX and voucher views, all in `import *`. Next lever: lazy-load each view (React.lazy) when a payment needs it.',
  'yuno-react src/card':
    'brand detection, formatting, expiry and document validation. Next lever: see credit-card-type.',
};

const KEYSTROKE_LEVERS = {
  'credit-card-type':
    'brand detection (credit-card-type, which copies its card table on every call) runs several times per keystroke: twice in formatCardNumber, in the number and security-code fields’ useWatch compute, and in the schema once the field was left. Lever: memoise detectCardBrand on its first 6 digits (the brand depends on nothing else), or a precomputed prefix table.',
  zod: 'once a field has been touched (mode onTouched) react-hook-form re-validates on every change through the zod resolver, which parses the whole form. Lever: re-validate only on blur (`reValidateMode: "onBlur"`), or validate just the changed field with its own small check.',
  '@hookform/resolvers': 'the zod resolver of each validation pass (see zod).',
  'react-hook-form':
    'react-hook-form’s change handling and its subscriptions (one useWatch and one useFormState per field). Lever: fewer subscriptions (one for the brand, shared by the fields that need it).',
  'react-dom':
    'React’s own event dispatch and render work; the number field still re-renders when the brand is first detected.',
};

function bundleSection(bundles) {
  if (!bundles || bundles.error) return `Not measured: ${bundles?.error ?? 'no result'}`;
  const byId = Object.fromEntries(bundles.cases.map((c) => [c.id, c]));
  const app = byId['yuno-app'];
  const typical = byId['yuno-typical'];
  const rows = bundles.cases.map((c) =>
    c.error
      ? [c.label, '–', '–', '–', c.error]
      : [c.label, kB(c.min), `**${kB(c.gzip)}**`, c.lazyChunks ? kB(c.lazyGzip) : '–', c.versions?.join(', ') ?? ''],
  );
  const peers = bundles.cases.filter((c) => c.group === 'peer SDK');
  const ratioRows = peers.map((c) => [
    c.id,
    c.error ? '–' : kB(c.gzip),
    typical && !typical.error && !c.error ? times(typical.gzip / c.gzip) : '–',
    app && !app.error && !c.error ? times(app.gzip / c.gzip) : '–',
  ]);
  const parts = [
    'esbuild, minified, gzip level 9, `react` and `react-dom` external, `NODE_ENV=production`; yuno-react bundled from',
    '`dist/` (what users install). "lazy" is code behind dynamic imports (a separate chunk in any app bundler; for',
    "yuno-react, the loader of Yuno's Web SDK).",
    '',
    table(['bundle', 'min', 'min+gz', 'lazy (min+gz)', 'versions bundled'], rows),
    '',
    '### Ratios (yuno-react ÷ the SDK)',
    '',
    table(['SDK', 'SDK min+gz', 'yuno-react typical import, peers external', 'everything a React app adds'], ratioRows),
    '',
    "Stripe, PayPal and Square load their payment UI from their own CDNs at run time (Stripe.js, PayPal's JS SDK,",
    "Square's Web Payments SDK); those scripts are not in the numbers above, as Yuno's Web SDK script is not in",
    "yuno-react's. Adyen's npm package carries its UI (Preact) itself.",
  ];
  if (app?.packages?.length) {
    parts.push(
      '',
      '### What dominates "everything a React app adds" (esbuild metafile, share of the minified entry)',
      '',
      table(
        ['package', 'bytes (min)', 'share'],
        app.packages.map((p) => [p.name, kB(p.bytes), pct(p.share)]),
      ),
    );
  }
  const fromSrc = bundles.sourceBreakdowns ?? {};
  for (const [id, title] of [
    ['yuno-app', 'The same bundle built from `src/`, by package and source folder:'],
    ['yuno-own', "yuno-react's own code (`import *`) built from `src/`, by source folder:"],
  ]) {
    if (!fromSrc[id]?.length) continue;
    parts.push(
      '',
      title,
      '',
      table(
        ['package or src folder', 'bytes (min)', 'share'],
        fromSrc[id].map((p) => [p.name, kB(p.bytes), pct(p.share)]),
      ),
    );
  }
  return parts.join('\n');
}

const DRIVER_NOTES = {
  'sdk-v2':
    "`createYunoSdkV2Tokenizer` on the sandbox's stand-in (`createSandboxWebSdk({ sdkVersion: 2 })`): the SDK asks the stand-in's token route (`/_sandbox/sdk/checkout/sessions/:id/token`) and hands the token to the merchant's `POST /payments`",
  'sdk-v1':
    "`createYunoSdkTokenizer` on the stand-in (`sdkVersion: 1`, headless): the token from the stand-in's token route, the payment from the merchant's `POST /payments`",
  server:
    "`createServerTokenizer` on the merchant's routes (`serverTokenization`): a new card goes with `POST /payments` and the server asks Yuno for the token (`/v1/checkout/sessions/:id/token`); a method without card details (PIX) goes through the merchant's token route first",
};

function requestsSection(jsdom) {
  const r = jsdom?.requests;
  if (!r) return `Not measured: ${jsdom?.error ?? 'no result'}`;
  const scenarios = [
    [
      'payment methods, StrictMode, 5 consumers',
      'paymentMethodsStrict5',
      (v) => [`${v.sandbox} payment-methods`, `${v.browser} payment-methods`, v.consumers],
    ],
    [
      'page with methods prefetched on the server and hydrated',
      'prefetched',
      (v) => [
        `${v.server} payment-methods (server prefetch), ${v.sandboxAfterHydration} after hydration`,
        `${v.browser} payment-methods (${v.browserTotal} requests in all)`,
        v.page,
      ],
    ],
    [
      'Pay, 5 rapid `useCheckout().pay()` calls, StrictMode',
      'payHook5',
      (v) => [...payCells(v), `${v.paymentsCreated} payment created, status ${v.status}`],
    ],
    [
      'Pay, 5 rapid clicks on CardForm’s submit, StrictMode',
      'payCardForm5',
      (v) => [...payCells(v), `${v.paymentsCreated} payment created`],
    ],
    [
      'PIX polled, settled SUCCEEDED at the sandbox, then left alone',
      'polling',
      (v) => [
        `${v.readsAfterTerminal.sandbox} payment reads after SUCCEEDED (${v.readsWhileWaiting.sandbox} while waiting, ${v.readsUntilSeen.sandbox} until seen); ${v.tokens} token, ${v.payments} payment`,
        `${v.readsAfterTerminal.page} payment reads after SUCCEEDED (${v.readsWhileWaiting.page} while waiting, ${v.readsUntilSeen.page} until seen)`,
        `poll interval ${v.pollIntervalMs} ms, ${v.waitedMs} ms waited once final; status ${v.status}`,
      ],
    ],
  ];
  const rows = scenarios.flatMap(([label, key, fmt]) =>
    DRIVERS.map((driver) => {
      const d = r.drivers?.[driver.id];
      const value = d?.[key];
      if (!value || value.error)
        return [label, driver.label, value?.error ?? (d ? 'no result' : 'not measured'), '', ''];
      return [label, driver.label, ...fmt(value)];
    }),
  );
  return [
    'Counted at the sandbox (Yuno, its request log) and at the page (its requests to the merchant routes, and the Web',
    "SDK's to Yuno), on the stack of the test suite (`createCheckoutHarness`: sandbox, server client, route handlers,",
    'browser client), in jsdom, once per tokenizer driver. Tokens are counted where they are made, whichever route:',
    "the stand-in's token route for the Web SDKs, Yuno's for the server; payments at Yuno's `POST /v1/payments` and the",
    "merchant's `POST /payments`. The counts do not depend on how the checkout runs a payment (the tokenizer's `pay`,",
    'or a token and then the payment route).',
    '',
    ...DRIVERS.map((driver) => `- **${driver.label}**: ${DRIVER_NOTES[driver.id]}.`),
    '',
    table(['scenario', 'driver', 'at the sandbox', 'from the page', 'notes'], rows),
  ].join('\n');
}

const count = (n, noun) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function payCells(v) {
  const made = [
    v.tokensFromSdk && `${v.tokensFromSdk} by the SDK`,
    v.tokensFromServer && `${v.tokensFromServer} by the merchant's server`,
  ]
    .filter(Boolean)
    .join(', ');
  return [
    `${count(v.tokens, 'token')}${made ? ` (${made})` : ''}, ${count(v.payments, 'payment')}`,
    `${count(v.pageTokens, 'token request')}${v.pageTokenRoute ? ` (${v.pageTokenRoute} to the merchant's token route)` : ''}, ${count(v.pagePayments, 'payment request')}`,
  ];
}

function rendersSection(jsdom) {
  const r = jsdom?.renders;
  if (!r) return `Not measured: ${jsdom?.error ?? 'no result'}`;
  const composed = r.composed;
  if (!composed || composed.error) return `Not measured: ${composed?.error ?? 'no result'}`;
  const phases = [
    ['number', 'number (16 keys)'],
    ['expiry', 'expiry (4 keys)'],
    ['securityCode', 'CVV (3 keys)'],
  ];
  const ids = [
    'page',
    'PaymentMethodList',
    'CardForm',
    'CardFormField number',
    'CardFormField expiry',
    'CardFormField securityCode',
    'CardFormField holderName',
    'CardFormErrorSummary',
    'CardFormAlert',
    'CardFormStatusMessage',
    'CardFormSubmit',
  ];
  const focusCommits = (id) =>
    Object.entries(composed.phases)
      .filter(([name]) => name.startsWith('focus '))
      .reduce((n, [, p]) => n + (p.commits[id] ?? 0), 0);
  const rows = ids.map((id) => [
    id === 'page' ? 'whole page (React commits)' : id,
    ...phases.map(([phase]) => composed.phases[phase]?.commits[id] ?? 0),
    focusCommits(id),
  ]);
  const selectPhase = composed.phases['select method'];
  const selectLine = selectPhase
    ? `Choosing another method in the list (one click, the checkout's selection changes): ${ids
        .map((id) => `${id === 'page' ? 'whole page' : id} ${selectPhase.commits[id] ?? 0}`)
        .join(', ')}.`
    : null;
  const def = r.default;
  const defaultRows =
    def && !def.error
      ? ['page', 'PaymentMethodList', 'CardForm'].map((id) => [
          id === 'page' ? 'whole page (React commits)' : id,
          ...phases.map(([phase]) => def.phases[phase]?.commits[id] ?? 0),
        ])
      : [];
  return [
    'React `<Profiler>` commits while typing into CardForm next to a PaymentMethodList (jsdom, user-event, development',
    "React). Each part in its own Profiler; a Profiler's onRender runs in a commit only when something inside it",
    'rendered. Focus moves (leaving a field validates it) are counted apart.',
    '',
    table(['component', ...phases.map(([, label]) => label), 'focus moves'], rows),
    '',
    ...(selectLine ? [selectLine, ''] : []),
    ...(defaultRows.length
      ? [
          'The default `<CardForm />` (no children), one Profiler around it:',
          '',
          table(['component', ...phases.map(([, label]) => label)], defaultRows),
        ]
      : []),
  ].join('\n');
}

const PASS_LABELS = {
  first: 'first entry: both forms mounted afresh before every round, so the number field has never been left',
  again: 'typing again into a field left before (react-hook-form validates every change from then on)',
};

function keystrokeSection(k) {
  if (!k || k.error) return `Not measured: ${k?.error ?? 'no result'}`;
  const rows = Object.entries(k.passes).flatMap(([pass, result]) =>
    Object.entries(result.sides).map(([side, s]) => [
      pass,
      side,
      `**${ms(s.medianMs)}**`,
      ms(s.p90Ms),
      ms(s.handlersMedianMs),
      ms(s.layoutMedianMs, 3),
      ms(s.frameMedianMs, 1),
      s.keystrokes,
    ]),
  );
  const parts = [
    `Chromium ${k.browserVersion ?? ''} (Debian, headless, playwright-core), CPU throttled ${k.cpuThrottling}× (as`,
    `Lighthouse's mobile profile), cross-origin isolated (5 µs timer): ${k.crossOriginIsolated}. One page, served from`,
    '127.0.0.1 with the merchant routes, holds both: yuno-react (YunoProvider, PaymentMethodList, CardForm) and',
    "react-payment-inputs' number, expiry and CVC inputs. The 16-digit number is typed into each number field",
    `${k.rounds} times per pass, the two alternating. Per keystroke, inside the page: from the first keydown listener`,
    "to the end of the last input listener (React's render and commit included) plus the style and layout flush",
    `("total"); "handlers" is the page's keydown and input listeners only. Passes: ${Object.entries(PASS_LABELS)
      .map(([pass, label]) => `\`${pass}\` = ${label}`)
      .join('; ')}.`,
    '',
    table(
      ['pass', 'field', 'median total', 'p90 total', 'median handlers', 'median layout', 'to next frame', 'keystrokes'],
      rows,
    ),
    '',
    table(
      ['pass', 'ratio of medians (yuno-react ÷ react-payment-inputs), total', 'handlers only'],
      Object.entries(k.passes).map(([pass, r]) => [pass, `**${times(r.ratio)}**`, times(r.handlersRatio)]),
    ),
  ];
  for (const [pass, profile] of Object.entries(k.profiles ?? {})) {
    parts.push(
      '',
      `Where yuno-react's keystroke JavaScript goes, pass \`${pass}\` (CPU profile of ${k.profileRounds} further rounds, self time, ${ms(profile.busyMs, 0)} in all):`,
      '',
      table(
        ['package', 'share', 'function', 'share'],
        Array.from({ length: Math.max(profile.packages.length, 6) }, (_, i) => [
          profile.packages[i]?.name ?? '',
          profile.packages[i] ? pct(profile.packages[i].share) : '',
          profile.functions[i]?.name ?? '',
          profile.functions[i] ? pct(profile.functions[i].share) : '',
        ]).filter((row) => row.some(Boolean)),
      ),
    );
  }
  return parts.join('\n');
}

function serverSection(s) {
  if (!s || s.error) return `Not measured: ${s?.error ?? 'no result'}`;
  const ops = { paymentMethods: 'payment methods of a session', createPayment: 'create a payment' };
  return [
    'One Node process, built package: createYunoRouteHandlers → createYunoServerClient → the in-memory sandbox, called',
    'with Web-standard Requests. A payment = `POST /checkout-sessions` + a one-time token + `POST /payments` (approved).',
    '',
    table(
      ['in flight', 'payments', 'seconds', 'payments / s'],
      s.throughput.map((t) => [t.concurrency, t.payments, t.seconds.toFixed(1), `**${t.perSecond.toFixed(0)}**`]),
    ),
    '',
    'Added latency: the same operation as a direct server-client call and through the routes, interleaved',
    `(${s.latency.paymentMethods.samples} each). The payment route also reads the checkout session from Yuno (the amount is`,
    'never taken from the browser), so it makes two calls where the direct call makes one.',
    '',
    table(
      ['operation', 'direct median', 'routes median', 'added (median)', 'direct p95', 'routes p95'],
      Object.entries(ops).map(([key, label]) => {
        const l = s.latency[key];
        return [
          label,
          ms(l.directMedianMs, 3),
          ms(l.routesMedianMs, 3),
          `**${ms(l.addedMedianMs, 3)}**`,
          ms(l.directP95Ms, 3),
          ms(l.routesP95Ms, 3),
        ];
      }),
    ),
    ...(s.latency.retrieveSession
      ? ['', `Of which one checkout-session read (direct): ${ms(s.latency.retrieveSession.directMedianMs, 3)} median.`]
      : []),
  ].join('\n');
}

export function bodiesSection(b) {
  if (!b || b.error) return `Not measured: ${b?.error ?? 'no result'}`;
  const mb = (value) => `${value.toFixed(1)} MB`;
  return [
    "A child Node process serves the built package's routes (`createYunoRouteHandlers` with a webhook secret) through",
    '`toNodeHandler` on `node:http`; this process streams bodies of 100 MB (10^8 bytes, forged signature) at the webhook',
    `route and at \`POST /checkout-sessions\`, ${b.concurrent} at once, with and without \`content-length\`, as fast as the`,
    "connection takes them. The child's RSS is sampled every 20 ms over IPC; its peak is the larger of those samples and",
    '`VmHWM` from `/proc` (reset once idle). Idle is the median RSS over 1 s after a warm-up with the same uploads at 2 MB.',
    'MB = 10^6 bytes.',
    '',
    table(
      ['idle RSS', 'peak RSS', 'peak − idle', 'peak from', 'bytes the server read, all uploads'],
      [[mb(b.idleRssMb), mb(b.peakRssMb), `**+${mb(b.peakRssOverIdleMb)}**`, b.peakSource, mb(b.serverReadMb)]],
    ),
    '',
    table(
      ['route', 'framing', 'answer', 'connection', 'client had written when answered', 'answered after'],
      b.uploads.map((u) => [
        u.route,
        u.framing,
        `${u.status} ${u.code ?? ''}`.trim(),
        u.connection ?? '',
        mb(u.clientWroteMb),
        ms(u.ms, 0),
      ]),
    ),
    '',
    'What the client had written is mostly in the kernel buffers of the loopback connection: the server stops reading at',
    "the route's limit (64 KiB for JSON routes, 1 MiB for webhooks; a larger `content-length` is refused unread), answers",
    '413 with `connection: close`, and closes the connection without reading the rest.',
  ].join('\n');
}

/** A size-limit entry's `import`: a string, or per file (a peer named there is bundled instead of ignored). */
function importOf(entry) {
  if (typeof entry.import !== 'object' || entry.import === null) return entry.import ?? '*';
  const [first, ...peers] = Object.entries(entry.import);
  return `${first?.[1] ?? ''}${peers.length ? ` + ${peers.map(([name]) => name).join(', ')} bundled` : ''}`;
}

function budgetsSection(rootPackage) {
  const entries = rootPackage['size-limit'] ?? [];
  return [
    'Enforced in CI (`.ci/run`): the `size` step runs size-limit on these entries of package.json, each limit set from',
    'the measured size (the issue targets they have not reached yet are named below, with their levers); the `bench`',
    'step runs `npm run bench -- --check`, which holds the request and render targets exactly, the server at most 50 MB',
    'over idle under 6 × 100 MB bodies (`bodies.peakRssOverIdleMb <= 50`), and keystroke cost at most 1.5 ×',
    'react-payment-inputs (timings move with the machine; a breach of that ceiling is a regression).',
    '',
    table(
      ['size-limit entry', 'import', 'limit'],
      entries.map((e) => [e.name, importOf(e), e.limit]),
    ),
  ].join('\n');
}

function missedSection(targets, m) {
  const missed = targets.filter((t) => !t.met);
  if (!missed.length) return 'Every target is met.';
  const out = [];
  for (const t of missed) {
    out.push(`### ${t.target}`, '', `Measured: ${t.measured}.`, '');
    out.push(...reasonAndLever(t, m), '');
  }
  return out.join('\n').trimEnd();
}

function reasonAndLever(t, { bundles, jsdom, keystroke }) {
  if (t.measured.startsWith('not measured')) {
    return [
      'Reason: the measurement did not run (see above). Next lever: make it run; the target is unknown until then.',
    ];
  }
  const byId = Object.fromEntries((bundles?.cases ?? []).map((c) => [c.id, c]));
  if (t.id === 'app-vs-adyen' || t.id === 'own-code') {
    const id = t.id === 'own-code' ? 'yuno-own' : 'yuno-app';
    // Built from src/, so that yuno-react's part is split by folder next to the packages.
    const packages = bundles.sourceBreakdowns?.[id] ?? byId[id]?.packages ?? [];
    const lines = [
      `Reason: by esbuild's metafile (the same bundle built from \`src/\`), it is ${packages
        .slice(0, 6)
        .map((p) => `${p.name} ${pct(p.share)}`)
        .join(', ')}.`,
    ];
    const typical = byId['yuno-typical'];
    const adyen = byId.adyen;
    if (t.id === 'app-vs-adyen' && typical && !typical.error && adyen && !adyen.error) {
      lines.push(
        '',
        `An app that already ships the peers (TanStack Query, react-hook-form, zod) adds only the typical import with peers external: ${kB(typical.gzip)} = ${times(typical.gzip / adyen.gzip)} Adyen.`,
      );
    }
    lines.push('', 'Next levers, largest first:', '');
    for (const p of packages.slice(0, 6)) {
      const lever = OWN_LEVERS[p.name] ?? SIZE_LEVERS[p.name.startsWith('yuno-react') ? 'yuno-react' : p.name];
      lines.push(`- **${p.name}** (${kB(p.bytes)} min, ${pct(p.share)}): ${lever ?? 'no lever identified yet.'}`);
    }
    return lines;
  }
  if (t.id.startsWith('keystroke-')) {
    const pass = t.id.slice('keystroke-'.length);
    const result = keystroke.passes[pass];
    const profile = keystroke.profiles?.[pass];
    const top = (profile?.packages ?? []).filter((p) => !p.name.startsWith('('));
    const lines = [
      `Reason: yuno-react's listeners take ${ms(result.sides['yuno-react'].handlersMedianMs)} per keystroke against ${ms(result.sides['react-payment-inputs'].handlersMedianMs)} for react-payment-inputs (${times(result.handlersRatio)}); the browser's own work per keystroke is the same for both. By the CPU profile of this pass, yuno-react's keystroke JavaScript is ${top
        .slice(0, 5)
        .map((p) => `${p.name} ${pct(p.share)}`)
        .join(', ')}.`,
      '',
      'Next levers:',
      '',
    ];
    for (const p of top.slice(0, 5)) {
      if (KEYSTROKE_LEVERS[p.name]) lines.push(`- **${p.name}** (${pct(p.share)}): ${KEYSTROKE_LEVERS[p.name]}`);
    }
    return lines;
  }
  if (t.id === 'bodies') {
    return [
      'Reason: the server held more of the bodies than its limits allow for (see the Request bodies table): a route or the adapter read a body past its limit, or buffered it whole.',
      '',
      'Next lever: read bodies with `readBoundedBody` (src/server/readBoundedBody.ts) and let `toNodeHandler` stream them; never `request.arrayBuffer()` on an unbounded body.',
    ];
  }
  if (t.id === 'renders') {
    const number = jsdom?.renders?.composed?.phases?.number;
    const offenders = NOT_DURING_NUMBER.filter((id) => (number?.commits[id] ?? 0) > 0);
    return [
      `Reason: ${offenders.join(', ')} re-rendered while only the number changed: each subscribes to something that changes with it (the checkout state, a useWatch of the number, the form state).`,
      '',
      'Next lever: narrow those subscriptions to a derived value that does not change per keystroke (useWatch with `compute`, a selector on the checkout store), or memoise the part.',
    ];
  }
  if (t.id.startsWith('polling:')) {
    return [
      'Reason: the page went on reading the payment after it was final, or never polled it while it waited (see the Requests table).',
      '',
      "Next lever: poll the waiting payment with one query per payment whose `refetchInterval` is `false` once the status is final (usePaymentPolling), and keep the payment's id in the checkout whichever way the tokenizer ran the payment.",
    ];
  }
  return [
    'Reason: more requests than one per session or per attempt reached the sandbox (see the Requests table).',
    '',
    'Next lever: share the query or the attempt (one query key per session; one in-flight promise per attempt, kept in the provider).',
  ];
}

/** The whole RESULTS.md. */
export function renderResults(m) {
  const { env, targets, timings } = m;
  const met = targets.filter((t) => t.met).length;
  return [
    '# yuno-react benchmarks',
    '',
    `Written by \`npm run bench\` on ${env.date} (commit ${env.commit}). Node ${env.node}, ${env.cpus} × ${env.cpuModel}, ${env.os}; load average ${env.loadAverage} at the start of the run (timings are this machine's; ratios between libraries measured side by side are what carries over).`,
    'Reproduce on a clean clone with `npm install && npm run bench` (`npm run bench -- --check` exits non-zero when a',
    'budget is broken, as CI runs it). The SDKs compared are devDependencies of `bench/` only.',
    '',
    `## Targets: ${met} of ${targets.length} met`,
    '',
    table(
      ['target', 'measured', 'met'],
      targets.map((t) => [t.target, t.measured, t.met ? 'yes' : '**no**']),
    ),
    '',
    '## Bundle size',
    '',
    bundleSection(m.bundles),
    '',
    '## Requests',
    '',
    requestsSection(m.jsdom),
    '',
    '## Renders',
    '',
    rendersSection(m.jsdom),
    '',
    '## Keystroke cost in Chromium',
    '',
    keystrokeSection(m.keystroke),
    '',
    '## Server side',
    '',
    serverSection(m.server),
    '',
    '## Request bodies',
    '',
    bodiesSection(m.bodies),
    '',
    '## Budgets',
    '',
    budgetsSection(m.rootPackage),
    '',
    '## Targets not met: reasons and next levers',
    '',
    missedSection(targets, m),
    '',
    '## Timings of this run',
    '',
    table(
      ['phase', 'seconds'],
      [
        ...timings.map((t) => [t.phase + (t.error ? ' (failed)' : ''), t.seconds.toFixed(1)]),
        ['total', `**${timings.reduce((n, t) => n + t.seconds, 0).toFixed(1)}**`],
      ],
    ),
    '',
  ].join('\n');
}
