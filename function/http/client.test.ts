import { describe, expect, it } from 'vitest';
import { clientBehindProxies, networkOf } from './client.ts';

describe('the client behind proxies', () => {
  it('is the socket when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientBehindProxies('198.51.100.4', '203.0.113.1', 0)).toBe('198.51.100.4');
  });

  it('is the right-most forwarded address behind one proxy, not the one the client wrote first', () => {
    expect(clientBehindProxies('10.0.0.2', '1.2.3.4, 5.6.7.8, 198.51.100.4', 1)).toBe('198.51.100.4');
    expect(clientBehindProxies('10.0.0.2', '198.51.100.4', 1)).toBe('198.51.100.4');
  });

  it('counts trusted hops from the right', () => {
    expect(clientBehindProxies('10.0.0.2', 'forged, 198.51.100.4, 10.0.0.9', 2)).toBe('198.51.100.4');
  });

  it('falls back to the furthest address there is when fewer proxies forwarded than configured', () => {
    expect(clientBehindProxies('10.0.0.2', undefined, 1)).toBe('10.0.0.2');
    expect(clientBehindProxies('10.0.0.2', '198.51.100.4', 3)).toBe('198.51.100.4');
  });
});

describe('the network an address stands for', () => {
  it('groups IPv6 addresses by /64, in any spelling', () => {
    const a = networkOf('2001:db8:1:2:aaaa:bbbb:cccc:dddd');
    expect(a).toBe('2001:db8:1:2::/64');
    expect(networkOf('2001:0db8:0001:0002::1')).toBe(a);
    expect(networkOf('[2001:db8:1:2::ffff]:443')).toBe(a);
    expect(networkOf('2001:db8:1:3::1')).not.toBe(a);
  });

  it('keeps IPv4 addresses whole, including mapped ones and ones with a port', () => {
    expect(networkOf('198.51.100.4')).toBe('198.51.100.4');
    expect(networkOf('::ffff:198.51.100.4')).toBe('198.51.100.4');
    expect(networkOf('198.51.100.4:51234')).toBe('198.51.100.4');
    expect(networkOf('198.51.100.5')).not.toBe('198.51.100.4');
  });

  it('keeps what it cannot read, so it is still counted', () => {
    expect(networkOf('unknown')).toBe('unknown');
  });
});
