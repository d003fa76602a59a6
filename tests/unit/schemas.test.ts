import { describe, expect, it } from 'vitest';
import { providerSchema } from '../../src/schemas/provider.ts';

describe('providerSchema', () => {
  it('accepts a minimal provider', () => {
    const result = providerSchema.safeParse({
      id: 'a',
      name: 'A',
      sources: [{ name: 'S', retrieved: '2024-12-01' }],
    });
    expect(result.success).toBe(true);
  });
});
