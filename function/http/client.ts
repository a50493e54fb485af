// Who is asking, for rate limits: the address the nearest trusted proxy saw, and the network it stands for.
// Runtime-free: the Node entry passes the socket's address and X-Forwarded-For, Workers pass CF-Connecting-IP.
import ipaddr from 'ipaddr.js';

/**
 * The client's address behind `trustedHops` reverse proxies, as Express's `trust proxy = n` reads it.
 * Each proxy appends the address it saw to X-Forwarded-For, so only the right-most entries are trustworthy:
 * whatever sits further left was written by the client itself.
 */
export function clientBehindProxies(socket: string, forwardedFor: string | undefined, trustedHops: number): string {
  if (trustedHops <= 0) return socket;
  const chain = (forwardedFor ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Nearest first: the socket is the last proxy, then what each proxy before it saw.
  const nearestFirst = [socket, ...chain.reverse()];
  return nearestFirst[Math.min(trustedHops, nearestFirst.length - 1)]!;
}

/**
 * The network an address stands for: an IPv4 address, or the /64 of an IPv6 one (a single subscriber usually holds a
 * whole /64, so counting addresses inside it would let one machine pose as billions). Ports and brackets are dropped,
 * IPv4-mapped IPv6 reads as IPv4; anything unreadable is kept as given, so it is still counted.
 */
export function networkOf(address: string): string {
  const bare = address.replace(/^\[([^\]]+)\](?::\d+)?$/, '$1').replace(/^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/, '$1');
  if (!ipaddr.isValid(bare)) return address;
  const ip = ipaddr.process(bare);
  if (ip.kind() === 'ipv4') return ip.toString();
  return `${(ip as ipaddr.IPv6).parts
    .slice(0, 4)
    .map((part) => part.toString(16))
    .join(':')}::/64`;
}
