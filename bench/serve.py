"""Start and stop gunicorn serving this project on 127.0.0.1, for bench scripts."""

import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")
ESTABLISHED = "01"  # a TCP state in /proc/net/tcp


def free_port() -> int:
    """A free port: any, or the first free one in BENCH_PORTS ("8140-8149") on a
    machine where each user keeps to their own range."""
    first, _, last = os.environ.get("BENCH_PORTS", "0-0").partition("-")
    for port in range(int(first), int(last or first) + 1):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return probe.getsockname()[1]
    raise RuntimeError(f"No free port in BENCH_PORTS={os.environ['BENCH_PORTS']}")


def bench_environment(**overrides) -> dict:
    """Production-like settings for a local run: DEBUG off, plain HTTP on 127.0.0.1."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return (
        env
        | {
            "DJANGO_SECRET_KEY": "bench-only-" + "k" * 50,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_SECURE_SSL_REDIRECT": "false",
            "DJANGO_HSTS_SECONDS": "0",
            "DJANGO_SECURE_COOKIES": "false",
            "LOG_LEVEL": "WARNING",
        }
        | overrides
    )


def manage(env: dict, *args: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


class Gunicorn:
    """gunicorn with sync workers; `with Gunicorn(env, workers=2) as server:`.

    `app` is the WSGI module to serve: the site's own, or bench.wsgi (the site plus
    a trivial view, for bench/run.py).
    """

    def __init__(
        self,
        env: dict,
        workers: int = 2,
        port: int | None = None,
        app: str = "clinic_site.wsgi",
    ):
        self.env, self.workers, self.app = env, workers, app
        self.port = port or free_port()
        self.process = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        self.process = subprocess.Popen(
            [
                str(GUNICORN),
                self.app,
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.workers),
                "--worker-class",
                "sync",
                "--timeout",
                "30",
                "--log-level",
                "warning",
            ],
            cwd=BASE_DIR,
            env=self.env,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self
            except OSError:
                time.sleep(0.1)
        self.__exit__()
        raise RuntimeError("gunicorn did not start within 30 s")

    def worker_pids(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def clients_by_worker(self) -> dict[int, set[int]]:
        """The client port of each connection every worker holds now, from /proc.

        A sync worker holds a client's connection from accepting it until it has
        answered, one at a time: a worker that holds one is serving that request.
        """
        held = {}  # "socket:[inode]" -> client port, established to our port
        for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
            fields = line.split()
            local, remote, state, inode = fields[1], fields[2], fields[3], fields[9]
            if int(local.split(":")[1], 16) == self.port and state == ESTABLISHED:
                held[f"socket:[{inode}]"] = int(remote.split(":")[1], 16)
        clients = {}
        for pid in self.worker_pids():
            try:
                targets = {os.readlink(fd) for fd in Path(f"/proc/{pid}/fd").iterdir()}
            except OSError:  # the worker exited, or closed a descriptor meanwhile
                continue
            clients[pid] = {held[target] for target in targets & held.keys()}
        return clients

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()


class DemoSite:
    """The demo clinic in a throwaway folder, served by gunicorn with DEBUG off.

    `with DemoSite(port) as site:` migrates a new SQLite database, seeds the demo
    content (seed_demo runs only with DEBUG, so that one step has it), collects the
    static files for WhiteNoise, then serves; on leaving, the server stops and the
    folder is deleted.
    """

    def __init__(self, port: int | None = None, workers: int = 2):
        self.port = port or free_port()
        self.workers = workers
        self.folder = None
        self.server = None

    def __enter__(self):
        self.folder = tempfile.TemporaryDirectory(prefix="clinic-demo-")
        root = Path(self.folder.name)
        env = bench_environment(
            DATABASE_URL=f"sqlite:///{root / 'db.sqlite3'}",
            MEDIA_ROOT=str(root / "media"),
            STATIC_ROOT=str(root / "static"),
            SITE_URL=f"http://127.0.0.1:{self.port}",
            REDIS_URL="",  # the page cache in each worker's memory, nothing shared
        )
        try:
            manage(env, "migrate", "--noinput")
            manage(env | {"DJANGO_DEBUG": "true"}, "seed_demo")
            manage(env, "collectstatic", "--noinput")
            self.server = Gunicorn(env, workers=self.workers, port=self.port)
            self.server.__enter__()
        except BaseException:
            self.folder.cleanup()
            raise
        return self

    @property
    def url(self) -> str:
        return self.server.url

    def __exit__(self, *exc):
        try:
            if self.server is not None:
                self.server.__exit__(*exc)
        finally:
            self.folder.cleanup()
