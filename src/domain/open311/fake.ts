import { Open311Error } from './errors.ts';
import type {
  Open311Client,
  Open311Service,
  Open311ServiceDefinition,
  Open311ServiceRequest,
  SubmitOptions,
  SubmitResult,
  TokenResult,
} from './types.ts';

/**
 * What the next `submit` does, scripted by a test:
 * - `accept`: create the request (or return the one this key already created);
 * - an Open311Error: fail before anything is created;
 * - `commit-then-lose`: create the request, then fail as if the answer was lost on the way
 *   back, which is exactly the case idempotency keys exist for.
 */
export type FakeSubmitStep = 'accept' | 'commit-then-lose' | Open311Error;

export interface FakeCreatedRequest {
  serviceRequestId: string;
  body: string;
  idempotencyKey: string;
}

export interface FakeOpen311ClientOptions {
  services?: Open311Service[];
  definitions?: Open311ServiceDefinition[];
  /** false: behave like a city server that ignores Idempotency-Key. */
  honoursIdempotency?: boolean;
  /** Batch: answer with a token; `tokens` then gives the id. */
  batch?: boolean;
  serviceNotice?: string | null;
}

/** An in-memory Open311 server behind the Open311Client interface, for unit tests. */
export class FakeOpen311Client implements Open311Client {
  /** Every submit call, in order, whether it succeeded or not. */
  readonly calls: Array<{ body: string; idempotencyKey: string }> = [];
  /** The requests that exist on the "server". */
  readonly created: FakeCreatedRequest[] = [];
  private readonly steps: FakeSubmitStep[] = [];
  private readonly options: FakeOpen311ClientOptions;
  private nextId = 1;

  constructor(options: FakeOpen311ClientOptions = {}) {
    this.options = options;
  }

  /** Scripts the next submits, in order; once used up, submits are accepted. */
  script(...steps: FakeSubmitStep[]): this {
    this.steps.push(...steps);
    return this;
  }

  services(): Promise<Open311Service[]> {
    return Promise.resolve(this.options.services ?? []);
  }

  definition(serviceCode: string): Promise<Open311ServiceDefinition> {
    const found = this.options.definitions?.find((d) => d.service_code === serviceCode);
    if (!found) {
      return Promise.reject(new Open311Error({ kind: 'not-found', status: 404, message: 'nope' }));
    }
    return Promise.resolve(found);
  }

  private commit(body: string, idempotencyKey: string): FakeCreatedRequest {
    if (this.options.honoursIdempotency !== false) {
      const existing = this.created.find((r) => r.idempotencyKey === idempotencyKey);
      if (existing) return existing;
    }
    const request = { serviceRequestId: `FAKE-${this.nextId++}`, body, idempotencyKey };
    this.created.push(request);
    return request;
  }

  submit(body: string, { idempotencyKey }: SubmitOptions): Promise<SubmitResult> {
    this.calls.push({ body, idempotencyKey });
    const step = this.steps.shift() ?? 'accept';
    if (step instanceof Open311Error) return Promise.reject(step);
    const request = this.commit(body, idempotencyKey);
    if (step === 'commit-then-lose') {
      return Promise.reject(new Open311Error({ kind: 'network', message: 'answer lost' }));
    }
    return Promise.resolve({
      serviceRequestId: this.options.batch ? null : request.serviceRequestId,
      token: this.options.batch ? `token-${request.serviceRequestId}` : null,
      serviceNotice: this.options.serviceNotice ?? null,
      accountId: null,
    });
  }

  token(token: string): Promise<TokenResult> {
    const id = token.replace(/^token-/, '');
    const found = this.created.find((r) => r.serviceRequestId === id);
    if (!found) {
      return Promise.reject(new Open311Error({ kind: 'not-found', status: 404, message: 'nope' }));
    }
    return Promise.resolve({ token, serviceRequestId: found.serviceRequestId });
  }

  request(serviceRequestId: string): Promise<Open311ServiceRequest | null> {
    const found = this.created.find((r) => r.serviceRequestId === serviceRequestId);
    return Promise.resolve(found ? { service_request_id: serviceRequestId, status: 'open' } : null);
  }
}
