"""Real servers on loopback for the syndication tests and bench/dispatch.py: SMTP (aiosmtpd) and an HTTP receiver.

Each listens on a free port chosen at start, can be stopped and started again on the same port
(a server that is "down" refuses connections), and records what it received.
"""

import email
import email.policy
import logging
import socket
import ssl
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from aiosmtpd.controller import Controller

logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every SMTP command


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Collector:
    def __init__(self, parse=True):
        self.parse = parse
        self.messages = []
        self.times = []
        self.peers = []  # the client's (address, port) per message: which connection brought it
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        content = envelope.content
        message = email.message_from_bytes(content, policy=email.policy.default) if self.parse else content
        with self.lock:
            self.messages.append((list(envelope.rcpt_tos), message))
            self.times.append(time.monotonic())
            self.peers.append(session.peer)
        return "250 OK"


class SMTPServer:
    def __init__(self, parse=True):
        self.port = free_port()
        self.collector = _Collector(parse)
        self.controller = None

    @property
    def messages(self):
        return self.collector.messages

    def recipients(self):
        return [address for rcpt_tos, _ in self.messages for address in rcpt_tos]

    def start(self):
        self.controller = Controller(self.collector, hostname="127.0.0.1", port=self.port)
        self.controller.start()
        return self

    def stop(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


class HTTPReceiver:
    """Records each POST as ``{"path", "headers", "body", "time"}`` and answers ``self.status``."""

    def __init__(self, certificate=None):
        self.port = free_port()
        self.certificate = certificate  # (certfile, keyfile): answer over TLS
        self.requests = []
        self.status = 200
        self.answer = b'{"errcode": 0, "errmsg": "ok"}'
        self.server = None
        self.thread = None

    @property
    def url(self):
        return f"{'https' if self.certificate else 'http'}://127.0.0.1:{self.port}"

    def start(self):
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                receiver.requests.append({"path": self.path, "headers": dict(self.headers), "body": body,
                                          "time": time.monotonic()})
                self.send_response(receiver.status)
                if receiver.status in (301, 302, 307, 308):
                    self.send_header("Location", "http://127.0.0.1:9/elsewhere")
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(receiver.answer)))
                self.end_headers()
                self.wfile.write(receiver.answer)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.server.daemon_threads = True
        if self.certificate:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*self.certificate)
            self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self

    def stop(self):
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None
