import { expect, test } from './fixtures';

/**
 * The test server sends the headers the README tells hosts to send (hosting/serve.json), so
 * every e2e test already runs under that CSP; this checks the headers themselves.
 */
test.describe('hosting headers', () => {
  test('the playground may only be framed by itself; the embed player anywhere', async ({ request }) => {
    const page = await request.get('/');
    const csp = page.headers()['content-security-policy'];
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("script-src 'self' 'unsafe-inline'");
    const embed = await request.get('/embed');
    expect(embed.status()).toBe(200);
    const embedCsp = embed.headers()['content-security-policy'];
    expect(embedCsp).toContain('frame-ancestors *');
    expect(embedCsp).not.toContain("frame-ancestors 'self'");
  });
});
