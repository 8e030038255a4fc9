import fs from 'node:fs';
import net from 'node:net';
import { expect, it } from 'vitest';
import { describeWithRedis, startRedisServer } from './redis-server.js';

/** Sends one inline command and returns the reply's first `lines` lines, joined by spaces. */
function command(port: number, line: string, lines = 1): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => socket.write(`${line}\r\n`));
    let reply = '';
    socket.once('error', reject);
    socket.on('data', (d) => {
      reply += d.toString();
      const parts = reply.split('\r\n');
      if (parts.length > lines) {
        socket.destroy();
        resolve(parts.slice(0, lines).join(' '));
      }
    });
  });
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describeWithRedis('test support: a private redis-server', () => {
  it('answers PING on its own port with persistence off, and stop() ends the process', async () => {
    const server = await startRedisServer();
    try {
      expect(server.url).toBe(`redis://127.0.0.1:${server.port}`);
      expect(await command(server.port, 'PING')).toBe('+PONG');
      expect(await command(server.port, 'CONFIG GET appendonly', 5)).toBe('*2 $10 appendonly $2 no');
      expect(isAlive(server.pid)).toBe(true);
    } finally {
      await server.stop();
    }
    expect(isAlive(server.pid)).toBe(false);
    await expect(command(server.port, 'PING')).rejects.toThrow();
  });

  it('gives two servers started together separate ports and separate data', async () => {
    const [a, b] = await Promise.all([startRedisServer(), startRedisServer()]);
    try {
      expect(a.port).not.toBe(b.port);
      expect(await command(a.port, 'SET k only-in-a')).toBe('+OK');
      expect(await command(b.port, 'EXISTS k')).toBe(':0');
      expect(await command(a.port, 'CONFIG GET save', 5)).toBe('*2 $4 save $0 ');
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
    expect(fs.existsSync(`/proc/${a.pid}`)).toBe(false);
  });
});
