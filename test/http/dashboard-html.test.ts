import { describe, expect, it } from 'vitest';
import { configure, harness, token } from './helpers.js';

const withSettings = () => ({
  name: 'settings',
  displayName: 'With Settings',
  extraFields: [
    { name: 'base_url', label: 'API base URL' },
    { name: 'api_token', label: 'Second token' },
  ],
  create: () => ({ name: 'settings', displayName: 'With Settings', testConnection: async () => undefined }),
});

describe('http: the settings page shows stored settings', () => {
  it('fills a stored base_url into its field, never a setting whose name looks like a credential', async () => {
    const h = await harness({ dashboard: true, providers: [withSettings] });
    await configure(h, 'settings', { base_url: 'https://api.example.com', api_token: 'hidden-value-123' });
    const page = await h.handler(
      new Request('http://localhost/hosting', { headers: { Authorization: `Bearer ${await token()}` } }),
    );
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toMatch(/name="extra\.base_url"[^>]*value="https:\/\/api\.example\.com"/);
    expect(text).toMatch(/name="extra\.api_token"[^>]*value=""/);
    expect(text).not.toContain('hidden-value-123');
  });
});
