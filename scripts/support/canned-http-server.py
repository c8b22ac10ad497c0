"""The cheapest HTTP/1.1 keep-alive server: one asyncio thread answering every request head with the
same small JSON body. The REST benchmark runs it in its own process to show what the client does
when the server costs almost nothing. Usage: canned-http-server.py PORT"""
import asyncio
import sys

BODY = b'{"id":"1100000000000000001","username":"lending-bot","discriminator":"0","bot":true}'
RESPONSE = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(BODY) + BODY


class CannedResponder(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        self.pending = b""

    def data_received(self, data):
        # Requests carry no body here, so every blank line ends one request.
        self.pending += data
        while b"\r\n\r\n" in self.pending:
            _, _, self.pending = self.pending.partition(b"\r\n\r\n")
            self.transport.write(RESPONSE)


async def main(port):
    server = await asyncio.get_running_loop().create_server(CannedResponder, "127.0.0.1", port)
    print("listening", flush=True)
    await server.serve_forever()


asyncio.run(main(int(sys.argv[1])))
