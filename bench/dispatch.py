"""Alert dispatch benchmark (figures, not a test): 20,000 confirmed subscribers, 3 partner endpoints.

Everything on loopback and throw-away: a SQLite database in a temporary folder, an SMTP server
(aiosmtpd) and three HTTP receivers in this process, and a real worker (``manage.py db_worker``,
the django-tasks database backend) in a subprocess. The alert is published the way an approval
publishes it (``revision.publish()``), in another subprocess; then this script waits for the last
mail and webhook and prints:

* e-mails per second into the SMTP server (first to last message, and from the approval);
* time from the approval to the last webhook delivered;
* the worker's peak resident memory (VmHWM).

``--kill-after N`` kills the worker (SIGKILL) once N mails arrived, starts a new one with
``syndication_resume`` first, and reports how many addresses got the alert twice or not at all (the rates
then include the dead lease and the restart).

    .venv/bin/python bench/dispatch.py [--subscribers 20000] [--kill-after 5000]
"""

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.alerts.servers import HTTPReceiver, free_port  # noqa: E402

SETTINGS = """
import os
from portal.settings.test import *  # noqa: F403
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = int(os.environ["BENCH_SMTP_PORT"])
ALERT_DELIVERY_LEASE_SECONDS = 5
"""

SETUP = """
import django, os, json
django.setup()
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale
from alerts.models import FraudAlert, PartnerEndpoint, Subscriber
call_command("migrate", verbosity=0)
now = timezone.now()
Subscriber.objects.bulk_create([
    Subscriber(email=f"s{{n:05d}}@example.org", language="zh-hans", consent_text="bench", confirmed_at=now, consent_at=now)
    for n in range({subscribers})
], batch_size=2000)
for n, (kind, url) in enumerate(json.loads(os.environ["BENCH_ENDPOINTS"])):
    PartnerEndpoint.objects.create(name=f"partner {{n}}", kind=kind, url=url, secret="bench-secret")
locale = Locale.objects.get(language_code="zh-hans")
alert = FraudAlert.objects.create(locale=locale, title="冒充客服退保诈骗", summary="挂断电话，拨打官方热线。", live=False)
print(alert.pk)
"""

PUBLISH = """
import django, time
django.setup()
from alerts.models import FraudAlert
alert = FraudAlert.objects.get(pk={alert_id})
revision = alert.save_revision()
print(time.monotonic(), flush=True)  # the approval: what the workflow's approve step runs
revision.publish()
"""


SINK = """
import sys, time
from aiosmtpd.controller import Controller
out = open(sys.argv[2], "a", buffering=1)
class Sink:
    async def handle_DATA(self, server, session, envelope):
        out.write(f"{time.monotonic()} {' '.join(envelope.rcpt_tos)}\\n")
        return "250 OK"
controller = Controller(Sink(), hostname="127.0.0.1", port=int(sys.argv[1]))
controller.start()
sys.stdin.read()  # until the benchmark closes it
controller.stop()
"""


class SMTPSink:
    """aiosmtpd in its own process (so the server's work is not counted against the worker's CPU),
    writing one line per message received: ``<monotonic time> <recipients>``."""

    def __init__(self, folder):
        self.port = free_port()
        self.path = Path(folder, "smtp.log")
        self.path.touch()
        self.process = subprocess.Popen([sys.executable, "-c", SINK, str(self.port), str(self.path)],
                                        stdin=subprocess.PIPE)
        self.lines = []
        self.offset = 0
        time.sleep(1)

    def read(self):
        with self.path.open() as log:
            log.seek(self.offset)
            chunk = log.read()
        complete = chunk[: chunk.rfind("\n") + 1]
        self.offset += len(complete.encode())
        self.lines += [line.split(" ", 1) for line in complete.splitlines()]
        return len(self.lines)

    def stop(self):
        self.process.stdin.close()
        self.process.wait(timeout=30)


def start_worker(env, resume=False):
    if resume:
        subprocess.run([sys.executable, "manage.py", "syndication_resume"], env=env, cwd=ROOT, check=True,
                       capture_output=True)
    profile = ["-m", "cProfile", "-o", env["BENCH_PROFILE"]] if env.get("BENCH_PROFILE") else []
    return subprocess.Popen([sys.executable, *profile, "manage.py", "db_worker", "--interval", "0.05", "--no-startup-delay"],
                            env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def peak_memory_kb(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=20_000)
    parser.add_argument("--kill-after", type=int, default=0, help="SIGKILL the worker after this many mails")
    parser.add_argument("--timeout", type=float, default=600)
    args = parser.parse_args()

    receivers = [HTTPReceiver().start() for _ in range(3)]
    endpoints = [("generic", receivers[0].url + "/a"), ("generic", receivers[1].url + "/b"),
                 ("wecom", receivers[2].url + "/cgi-bin/webhook/send?key=bench")]
    with tempfile.TemporaryDirectory(prefix="bench-dispatch-") as folder:
        smtp = SMTPSink(folder)
        Path(folder, "bench_settings.py").write_text(SETTINGS)
        env = {**os.environ, "PYTHONPATH": f"{folder}:{ROOT}", "DJANGO_SETTINGS_MODULE": "bench_settings",
               "DATABASE_URL": f"sqlite:///{folder}/bench.sqlite3", "BENCH_SMTP_PORT": str(smtp.port),
               "BENCH_ENDPOINTS": __import__("json").dumps(endpoints)}
        started = time.monotonic()
        setup = subprocess.run([sys.executable, "-c", SETUP.format(subscribers=args.subscribers)], env=env,
                               cwd=ROOT, capture_output=True, text=True, check=True)
        alert_id = int(setup.stdout.split()[-1])
        print(f"database, {args.subscribers} subscribers, 3 endpoints: {time.monotonic() - started:.1f} s")

        worker = start_worker(env)
        time.sleep(2)  # the worker is up and polling
        # Not waited for: the worker starts sending while the publishing process is still exiting.
        publish = subprocess.Popen([sys.executable, "-c", PUBLISH.format(alert_id=alert_id)], env=env, cwd=ROOT,
                                   stdout=subprocess.PIPE, text=True)
        peak, killed = 0, False
        deadline = time.monotonic() + args.timeout
        try:
            while time.monotonic() < deadline:
                peak = max(peak, peak_memory_kb(worker.pid) or 0)
                if args.kill_after and not killed and smtp.read() >= args.kill_after:
                    worker.send_signal(signal.SIGKILL)
                    worker.wait()
                    killed = smtp.read()
                    time.sleep(ALERT_LEASE + 1)  # the dead worker's lease expires
                    worker = start_worker(env, resume=True)
                if smtp.read() >= args.subscribers and all(r.requests for r in receivers):
                    break
                time.sleep(0.05)
            approved = float(publish.communicate(timeout=60)[0].split()[0])
            time.sleep(1)  # anything arriving late (a duplicate) is counted too
            peak = max(peak, peak_memory_kb(worker.pid) or 0)
        finally:
            worker.send_signal(signal.SIGTERM)
            worker.wait(timeout=30)
        smtp.read()
        smtp.stop()
        for receiver in receivers:
            receiver.stop()

    times = [float(line[0]) for line in smtp.lines]
    count = len(times)
    print(f"e-mails received: {count} of {args.subscribers}")
    if count > 1:
        print(f"e-mails per second, first to last message: {(count - 1) / (times[-1] - times[0]):.0f}")
        print(f"e-mails per second, from the approval:    {count / (times[-1] - approved):.0f}")
        print(f"approval to first / last e-mail: {times[0] - approved:.2f} s / {times[-1] - approved:.2f} s")
    webhook_times = [request["time"] for receiver in receivers for request in receiver.requests]
    if len(webhook_times) == 3:
        print(f"approval to last webhook delivered: {max(webhook_times) - approved:.2f} s")
    else:
        print(f"webhooks delivered: {len(webhook_times)} of 3")
    print(f"worker peak memory (VmHWM): {peak / 1024:.0f} MiB")
    if args.kill_after:
        recipients = Counter(rcpt for _, rcpts in smtp.lines for rcpt in rcpts.split())
        expected = {f"s{n:05d}@example.org" for n in range(args.subscribers)}
        print(f"worker killed after {killed} mails; mailed twice: {sum(1 for c in recipients.values() if c > 1)}, "
              f"missed: {len(expected - set(recipients))}")


ALERT_LEASE = 5

if __name__ == "__main__":
    main()
