"""Post appointment requests to gunicorn on SQLite while killing its workers.

    .venv/bin/python bench/load_with_kills.py [--requests 2000] [--concurrency 32]

Starts gunicorn (4 sync workers) on 127.0.0.1 against a fresh SQLite database under
var/load/, posts valid requests from `concurrency` threads (each first fetches the
form for its CSRF cookie and one-time token), SIGKILLs a worker 5 times during the
run, and retries a post whose connection broke, with the same form, as a browser
would. Then it counts: acknowledged (the visitor saw a confirmation), stored, lost
(acknowledged but not stored: must be 0) and duplicated (one form stored twice, or a
confirmation naming another request: must be 0). Bounded in requests and time.
"""

import argparse
import http.client
import os
import re
import shutil
import sys
import threading
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.serve import BASE_DIR, Gunicorn, bench_environment, manage  # noqa: E402

KILLS = 5
RETRIES = 5
TIME_LIMIT = 600


def fetch_form(port):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", "/appointments/request/")
    response = connection.getresponse()
    page = response.read().decode()
    cookie = response.getheader("Set-Cookie").split(";")[0]
    token = re.search(r'name="form_token" value="([^"]+)"', page).group(1)
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    location = re.search(r'<option value="(\d+)">', page).group(1)
    connection.close()
    return cookie, token, csrf, location


def submit(port, n, outcomes, lock):
    for attempt in range(RETRIES):  # a worker killed while sending the form: reload
        try:
            cookie, token, csrf, location = fetch_form(port)
            break
        except (OSError, http.client.HTTPException, AttributeError):
            time.sleep(0.2 * (attempt + 1))
    else:
        with lock:
            outcomes["gave_up"] += 1
        return
    body = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": csrf,
            "form_token": token,
            "full_name": f"Load Test {n}",
            "phone": "(617) 555-0123",
            "email": "",
            "contact_method": "phone",
            "patient_type": "new",
            "location": location,
            "preferred_time": "any",
            "reason": "Load test",
            "consent": "on",
            "website": "",
        }
    )
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": cookie,
        "Referer": f"http://127.0.0.1:{port}/appointments/request/",
    }
    for attempt in range(RETRIES):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("POST", "/appointments/request/", body, headers)
            response = connection.getresponse()
            response.read()
            connection.close()
        except (OSError, http.client.HTTPException):
            with lock:
                outcomes["retries"] += 1
            time.sleep(0.2 * (attempt + 1))
            continue
        if response.status == 302:
            with lock:
                outcomes["acknowledged"].append((token, response.getheader("Location")))
            return
        with lock:
            outcomes["refused"].append(response.status)
        return
    with lock:
        outcomes["gave_up"] += 1


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=32)
    args = parser.parse_args()

    folder = BASE_DIR / "var" / "load"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    env = bench_environment(
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        MEDIA_ROOT=str(folder / "media"),
        APPOINTMENT_RATE_LIMIT="0/1",
        APPOINTMENT_MIN_FILL_SECONDS="0",
        NOTIFICATIONS_INLINE="false",
    )
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput")
    manage(
        env,
        "shell",
        "-c",
        "from clinic.models import Location; Location.objects.create("
        "name='Load', slug='load', street_address='1 Main St', city='Cambridge',"
        "region='MA', postal_code='02139', phone='(617) 555-0110')",
    )

    outcomes = {"acknowledged": [], "refused": [], "retries": 0, "gave_up": 0}
    lock = threading.Lock()
    counter = iter(range(args.requests))
    kills = []
    started = time.monotonic()
    with Gunicorn(env, workers=4) as server:

        def visitor():
            while time.monotonic() - started < TIME_LIMIT:
                with lock:
                    n = next(counter, None)
                if n is None:
                    return
                submit(server.port, n, outcomes, lock)

        def killer():
            for k in range(KILLS):
                time.sleep(0.6 + 0.4 * k)
                pid = server.worker_pids()[k % 4]
                os.kill(pid, 9)
                kills.append(pid)

        threads = [threading.Thread(target=visitor) for _ in range(args.concurrency)]
        threads.append(threading.Thread(target=killer))
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    elapsed = time.monotonic() - started
    report(env, outcomes, kills, elapsed, args.requests)


def report(env, outcomes, kills, elapsed, requested):
    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "clinic_site.settings"
    import django

    django.setup()
    from django.core import signing

    from appointments.models import AppointmentRequest
    from appointments.views import THANKS_SALT

    stored = dict(AppointmentRequest.objects.values_list("form_token", "reference"))
    acknowledged = outcomes["acknowledged"]
    lost = duplicated = 0
    for token, location in acknowledged:
        nonce = signing.loads(token, salt="appointments.request-form")["nonce"]
        reference = signing.loads(
            location.rstrip("/").rsplit("/", 1)[1], salt=THANKS_SALT
        )
        if nonce not in stored:
            lost += 1
        elif stored[nonce] != reference:
            duplicated += 1
    rows = AppointmentRequest.objects.count()
    duplicated += rows - len(set(stored))
    print(f"requests asked      {requested}")
    print(f"acknowledged        {len(acknowledged)}")
    print(f"stored              {rows}")
    print(f"lost                {lost}")
    print(f"duplicated          {duplicated}")
    print(f"workers killed      {len(kills)}")
    print(f"connection retries  {outcomes['retries']}")
    print(f"refused (status)    {sorted(set(outcomes['refused'])) or 'none'}")
    print(f"gave up             {outcomes['gave_up']}")
    print(f"elapsed             {elapsed:.1f} s")
    sys.exit(1 if lost or duplicated else 0)


if __name__ == "__main__":
    main()
