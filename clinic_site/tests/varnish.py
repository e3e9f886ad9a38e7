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
from dataclasses import dataclass
from pathlib import Path

VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
VCL = Path(__file__).resolve().parents[2] / "deploy" / "varnish" / "default.vcl"
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


@dataclass(frozen=True)
class Varnish:
    address: str
    workdir: Path

    def counters(self) -> dict[str, int]:
        """Varnish's counters now, by name (MAIN.cache_hit, MAIN.cache_miss...)."""
        output = subprocess.run(
            ["varnishstat", "-n", str(self.workdir), "-1"],
            capture_output=True,
            text=True,
            check=True,
            timeout=30,
        ).stdout
        return {
            name: int(value)
            for name, value, *_ in (line.split() for line in output.splitlines())
        }


@contextmanager
def varnish_in_front_of(
    port: int, listen: int | None = None, memory: str = "64m"
) -> Iterator[Varnish]:
    """A varnishd on 127.0.0.1 (port `listen`, or a free one) in front of the site
    listening on `port`; stopped, and its files removed, afterwards."""
    workdir = Path(tempfile.mkdtemp(prefix="clinic-varnish-"))
    workdir.chmod(0o755)  # varnishd's worker drops root for its own user
    vcl = workdir / "site.vcl"
    vcl.write_text(VCL.read_text().replace('.port = "8000";', f'.port = "{port}";'))
    listen = listen or free_port()
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
        yield Varnish(address, workdir)
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


def logged_views(running: Varnish) -> str:
    """The GETs Varnish has logged so far, as count_proxy_views reads them."""
    return subprocess.run(
        ["varnishncsa", "-n", str(running.workdir), "-d", "-j"]
        + ["-f", str(VCL.with_name("views.format")), "-q", 'ReqMethod eq "GET"'],
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    ).stdout
