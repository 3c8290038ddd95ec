import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CallHealth } from './call-health';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The desk API at the network boundary: answers the health endpoint with `body`. */
function serveHealth(body: unknown) {
  const fetch = vi.fn(async (url: string) => {
    expect(url).toBe('/local/desk/agents/alex/contacts/c-1/health');
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('CallHealth', () => {
  it("shows the customer's browser and system and both sides' audio score, naming issues", async () => {
    serveHealth({
      customerDevice: {
        PlatformName: 'Firefox',
        PlatformVersion: '153.0',
        OperatingSystem: 'Linux',
      },
      quality: {
        Customer: { Audio: { QualityScore: 3.14, PotentialQualityIssues: ['HighPacketLoss'] } },
        Agent: { Audio: { QualityScore: 4.4, PotentialQualityIssues: [] } },
      },
    });
    render(<CallHealth agentId="alex" contactId="c-1" />);
    expect((await screen.findByTestId('customer-device')).textContent).toBe(
      'Customer on Firefox 153, Linux',
    );
    const customer = screen.getByTestId('audio-quality-customer');
    expect(customer.textContent).toBe('Customer audio 3.1/5 — packet loss');
    expect(customer.className).toContain('network-poor');
    expect(screen.getByTestId('audio-quality-you').textContent).toBe('Your audio 4.4/5');
  });

  it('shows nothing until there is something to show', async () => {
    const fetch = serveHealth({});
    const { container } = render(<CallHealth agentId="alex" contactId="c-1" />);
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    expect(container.textContent).toBe('');
  });
});
