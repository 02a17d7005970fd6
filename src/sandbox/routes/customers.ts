import { CreateCustomerRequestSchema, UpdateCustomerRequestSchema } from '../../core';
import { requireAccountId } from '../auth';
import { idempotencyKeyOf, runIdempotent } from '../idempotency';
import { uuid } from '../ids';
import { json } from '../responses';
import type { Route } from '../router';
import type { SandboxRuntime } from '../runtime';
import type { CustomerRecord } from '../SandboxStore';
import { badRequest } from '../SandboxHttpError';
import { readJsonObject, validateBody } from '../validation';
import { customerView } from '../views';

export function findCustomer(rt: SandboxRuntime, id: string): CustomerRecord {
  const customer = rt.store.customers.get(id);
  if (!customer) throw badRequest('CUSTOMER_NOT_FOUND', 'Customer not found.');
  return customer;
}

export const customerRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/v1/customers',
    auth: 'private',
    handler({ rt, request }) {
      return runIdempotent(
        rt,
        'customer-create',
        idempotencyKeyOf(request),
        async () => validateBody(CreateCustomerRequestSchema, await readJsonObject(request)),
        async (body) => {
          if (rt.store.findCustomerByMerchantId(body.merchant_customer_id)) {
            throw badRequest('CUSTOMER_ID_DUPLICATED', 'A customer with this merchant_customer_id already exists');
          }
          const { merchant_customer_id: merchantCustomerId, ...fields } = body;
          const now = rt.clock.now();
          const customer: CustomerRecord = {
            id: uuid(),
            merchantCustomerId,
            fields,
            metadataSent: body.metadata !== undefined,
            createdAt: now,
            updatedAt: now,
          };
          rt.store.customers.set(customer.id, customer);
          return { status: 201, body: customerView(customer) };
        },
      );
    },
  },
  {
    method: 'GET',
    pattern: '/v1/customers',
    auth: 'private',
    handler({ rt, url }) {
      const merchantCustomerId = url.searchParams.get('merchant_customer_id');
      if (!merchantCustomerId)
        throw badRequest('MISSING_PARAMETERS', 'Missing required parameter: merchant_customer_id');
      const customer = rt.store.findCustomerByMerchantId(merchantCustomerId);
      if (!customer) throw badRequest('CUSTOMER_NOT_FOUND', 'Customer not found.');
      return json(200, customerView(customer, 'omit'));
    },
  },
  {
    method: 'GET',
    pattern: '/v1/customers/:customer_id',
    auth: 'private',
    handler({ rt, params }) {
      return json(200, customerView(findCustomer(rt, params.customer_id as string), 'omit'));
    },
  },
  {
    // Update Customer: what is sent replaces what the customer had; a new merchant_customer_id must still be unique.
    method: 'PATCH',
    pattern: '/v1/customers/:customer_id',
    auth: 'private',
    handler({ rt, request, params }) {
      const customerId = params.customer_id as string;
      return runIdempotent(
        rt,
        `customer-update:${customerId}`,
        idempotencyKeyOf(request),
        async () => ({
          body: validateBody(UpdateCustomerRequestSchema, await readJsonObject(request)),
          customer: findCustomer(rt, customerId),
        }),
        async ({ body, customer }) => {
          const { merchant_customer_id: merchantCustomerId, ...fields } = body;
          if (merchantCustomerId !== undefined && merchantCustomerId !== customer.merchantCustomerId) {
            if (rt.store.findCustomerByMerchantId(merchantCustomerId)) {
              throw badRequest('CUSTOMER_ID_DUPLICATED', 'A customer with this merchant_customer_id already exists');
            }
            customer.merchantCustomerId = merchantCustomerId;
          }
          for (const [key, value] of Object.entries(fields)) {
            if (value !== undefined) customer.fields[key] = value;
          }
          if (body.metadata !== undefined) customer.metadataSent = true;
          customer.updatedAt = rt.clock.now();
          return { status: 200, body: customerView(customer, 'omit') };
        },
      );
    },
  },
  {
    // Delete Customer: 202 without a body. The customer's saved payment methods go with it, so no checkout session
    // lists them any more; Yuno documents no webhook for it.
    method: 'DELETE',
    pattern: '/v1/customers/:customer_id',
    auth: 'private',
    handler({ rt, request, params }) {
      const customerId = params.customer_id as string;
      return runIdempotent(
        rt,
        `customer-delete:${customerId}`,
        idempotencyKeyOf(request),
        async () => {
          const accountCode = request.headers.get('x-account-code');
          if (!accountCode) throw badRequest('MISSING_PARAMETERS', 'Missing required header: x-account-code');
          requireAccountId(rt, accountCode);
          return findCustomer(rt, customerId);
        },
        async (customer) => {
          const now = rt.clock.now();
          for (const card of rt.store.vaultedCards.values()) {
            if (card.customerId === customer.id && card.status === 'ENROLLED') {
              card.status = 'UNENROLLED';
              card.updatedAt = now;
            }
          }
          for (const method of rt.store.enrolledMethods.values()) {
            if (method.customerId === customer.id && method.status !== 'UNENROLLED') {
              method.status = 'UNENROLLED';
              method.updatedAt = now;
            }
          }
          rt.store.customers.delete(customer.id);
          return { status: 202, body: undefined };
        },
      );
    },
  },
];
