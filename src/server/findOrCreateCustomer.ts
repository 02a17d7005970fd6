import { isYunoError } from '../core/YunoError';
import type { CreateCustomerRequest, Customer } from '../core/schemas/customer';
import type { YunoServerClient } from './createYunoServerClient';

/**
 * The Yuno customer for the merchant's own shopper id: looked up first, created when Yuno does not know it. A
 * concurrent creation (`CUSTOMER_ID_DUPLICATED`) is resolved by looking it up again.
 */
export async function findOrCreateCustomer(
  client: YunoServerClient,
  customer: CreateCustomerRequest,
): Promise<Customer> {
  try {
    return await client.customers.retrieveByMerchantCustomerId(customer.merchant_customer_id);
  } catch (error) {
    if (!isYunoError(error) || error.yunoCode !== 'CUSTOMER_NOT_FOUND') throw error;
  }
  try {
    return await client.customers.create(customer);
  } catch (error) {
    if (isYunoError(error) && error.yunoCode === 'CUSTOMER_ID_DUPLICATED') {
      return client.customers.retrieveByMerchantCustomerId(customer.merchant_customer_id);
    }
    throw error;
  }
}
