#!/usr/bin/env python3
"""A TCP proxy that limits the bandwidth of a link, for the scale bench (not a test).

    throttle_proxy.py LISTEN_PORT TARGET MBIT_PER_S

Listens on 127.0.0.1:LISTEN_PORT and forwards each connection to TARGET (a Unix socket path,
such as PostgreSQL's .s.PGSQL.5432, or HOST:PORT). Each direction of the link, all connections
together, carries at most MBIT_PER_S megabits per second (a token bucket with 10 ms of burst),
as a LAN link would: the pushdown exists for a database on another machine, and pulling over a
Unix socket on the same machine is the best case for pulling. Latency is not added (a LAN's
round trips of a tenth of a millisecond would slow pulling through a cursor a little more).
Prints "ready" on stdout when it listens; runs until killed.
"""
import socket
import sys
import threading
import time

CHUNK = 65536


class Bucket:
    """Bytes may pass at `rate` per second; a sender that runs ahead waits for its debt."""

    def __init__(self, rate):
        self.rate = rate
        self.burst = max(rate / 100, CHUNK)
        self.available = 0.0
        self.last = time.monotonic()
        self.lock = threading.Lock()

    def take(self, n):
        with self.lock:
            now = time.monotonic()
            self.available = min(self.burst, self.available + (now - self.last) * self.rate)
            self.last = now
            self.available -= n
            wait = -self.available / self.rate if self.available < 0 else 0.0
        if wait > 0:
            time.sleep(wait)


def connect(target):
    if ":" in target and not target.startswith("/"):
        host, port = target.rsplit(":", 1)
        return socket.create_connection((host, int(port)))
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect(target)
    return s


def pump(source, sink, bucket):
    try:
        while True:
            data = source.recv(CHUNK)
            if not data:
                break
            bucket.take(len(data))
            sink.sendall(data)
    except OSError:
        pass
    finally:
        for s, how in ((sink, socket.SHUT_WR), (source, socket.SHUT_RD)):
            try:
                s.shutdown(how)
            except OSError:
                pass


def main():
    port, target, mbit = int(sys.argv[1]), sys.argv[2], float(sys.argv[3])
    rate = mbit * 1e6 / 8
    upstream, downstream = Bucket(rate), Bucket(rate)
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", port))
    listener.listen(16)
    print("ready", flush=True)
    while True:
        client, _ = listener.accept()
        client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try:
            server = connect(target)
        except OSError:
            client.close()
            continue
        threading.Thread(target=pump, args=(client, server, upstream), daemon=True).start()
        threading.Thread(target=pump, args=(server, client, downstream), daemon=True).start()


if __name__ == "__main__":
    main()
