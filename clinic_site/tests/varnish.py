"""Varnish with our configuration in front of a server on 127.0.0.1, for the tests
that need it (marked `varnish`) and the bench. Debian's varnish and varnish-modules
(`.ci/install-varnish`)."""

import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings

VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
VCL = Path(settings.BASE_DIR, "deploy", "varnish", "default.vcl")
# Straight to 127.0.0.1, whatever http_proxy the environment names.
DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def missing() -> str | None:
    """Why Varnish cannot run here, if it cannot."""
    if not Path(VARNISHD).exists():
        return "varnishd is not installed (.ci/install-varnish)"
    if not any(Path("/usr/lib").glob("*/varnish/vmods/libvmod_xkey.so")):
        return "varnish-modules (xkey) is not installed (.ci/install-varnish)"
    return None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def varnish_in_front_of(port: int, memory: str = "64m") -> Iterator[str]:
    """The address of a varnishd on a free port of 127.0.0.1 that serves the site
    listening on `port`; stopped, and its files removed, afterwards."""
    workdir = Path(tempfile.mkdtemp(prefix="clinic-varnish-"))
    workdir.chmod(0o755)  # varnishd's worker drops root for its own user
    vcl = workdir / "site.vcl"
    vcl.write_text(VCL.read_text().replace('.port = "8000";', f'.port = "{port}";'))
    listen = free_port()
    with open(workdir / "varnishd.log", "wb") as log:
        process = subprocess.Popen(
            [VARNISHD, "-F", "-n", str(workdir), "-f", str(vcl)]
            + ["-a", f"127.0.0.1:{listen}", "-T", "none", "-s", f"malloc,{memory}"],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    address = f"http://127.0.0.1:{listen}"
    try:
        _wait_until_it_answers(address, process, workdir)
        yield address
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)


def _wait_until_it_answers(address: str, process, workdir: Path) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log = (workdir / "varnishd.log").read_text(errors="replace")
            raise RuntimeError(f"varnishd stopped: {log[-2000:]}")
        try:
            with DIRECT.open(f"{address}/robots.txt", timeout=2):
                return
        except urllib.error.HTTPError:  # an answer, if not a happy one
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("varnishd did not answer within 20 s")
