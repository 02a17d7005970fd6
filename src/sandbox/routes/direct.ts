import { DirectTokenRequestSchema, ThreeDSecureSetupRequestSchema } from '../../core';
import { createDirectToken, createThreeDSecureSetup } from '../direct';
import { runOptionallyIdempotent } from '../idempotency';
import type { Route } from '../router';
import { readJsonObject, validateBody } from '../validation';

/** The DIRECT workflow's own endpoints for PCI-certified merchants: server-side tokenization and 3DS setups. */
export const directRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/v1/tokens',
    auth: 'private',
    handler({ rt, request }) {
      return runOptionallyIdempotent(
        rt,
        'tokens',
        request,
        async () => validateBody(DirectTokenRequestSchema, await readJsonObject(request)),
        async (body) => ({ status: 201, body: createDirectToken(rt, body) }),
      );
    },
  },
  {
    method: 'POST',
    pattern: '/v1/three-d-secure/setups',
    auth: 'private',
    handler({ rt, request }) {
      return runOptionallyIdempotent(
        rt,
        'three-d-secure-setups',
        request,
        async () => validateBody(ThreeDSecureSetupRequestSchema, await readJsonObject(request)),
        async (body) => ({ status: 201, body: createThreeDSecureSetup(rt, body) }),
      );
    },
  },
];
