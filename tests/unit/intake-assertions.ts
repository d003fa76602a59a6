/**
 * Assertions on intake answers shared by the intake tests. Apart from intake-helpers.ts because
 * that one is also imported by the benchmark, which runs outside Vitest.
 */
import { expect } from 'vitest';

/** A realtime service's answer: the id at once, and no token (GeoReport sends one or the other). */
export interface Created {
  service_request_id: string;
  service_notice: string;
}

/** The request a 201 answer created (the status is asserted). */
export async function created(response: Response): Promise<Created> {
  expect(response.status).toBe(201);
  const [first] = (await response.json()) as Created[];
  return first!;
}
