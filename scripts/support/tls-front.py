"""A TLS front for the project's plain-TCP simulators: accepts TLS on 127.0.0.1 (a port the system
picks, printed as "listening PORT"), and pipes bytes to 127.0.0.1:TARGET. It offers the ALPN
protocols given, in that order of preference; "h2,http/1.1" is what Discord's edge does, so a client
that does not force HTTP/1.1 gets h2. Every negotiated protocol is appended to ALPN_LOG, one line per
connection. Usage: tls-front.py CERT KEY TARGET_PORT ALPN_LOG PROTOCOLS"""
import asyncio
import ssl
import sys

cert, key, target_port, alpn_log = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
protocols = sys.argv[5].split(",")


async def pump(reader, writer):
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, ssl.SSLError):
        pass
    finally:
        writer.close()


async def handle(client_reader, client_writer):
    protocol = client_writer.get_extra_info("ssl_object").selected_alpn_protocol()
    with open(alpn_log, "a") as log:
        log.write(f"{protocol}\n")
    target_reader, target_writer = await asyncio.open_connection("127.0.0.1", target_port)
    await asyncio.gather(pump(client_reader, target_writer), pump(target_reader, client_writer))


async def main():
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    context.set_alpn_protocols(protocols)
    server = await asyncio.start_server(handle, "127.0.0.1", 0, ssl=context)
    print(f"listening {server.sockets[0].getsockname()[1]}", flush=True)
    await server.serve_forever()


asyncio.run(main())
