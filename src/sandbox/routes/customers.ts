import { CreateCustomerRequestSchema } from '../../core';
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
    async handler({ rt, request }) {
      const body = validateBody(CreateCustomerRequestSchema, await readJsonObject(request));
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
      return json(201, customerView(customer));
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
];
